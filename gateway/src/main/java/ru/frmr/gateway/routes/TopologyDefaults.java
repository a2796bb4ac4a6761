package ru.frmr.gateway.routes;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

import ru.frmr.topology.Instance;
import ru.frmr.topology.Service;
import ru.frmr.topology.Topology;

/**
 * The gateway's ports and the address of each service it fronts, from {@link Topology#LOCAL}, at the lowest
 * precedence: a deployment overrides {@code server.port}, {@code management.server.port} and
 * {@code frmr.gateway.services.<key>} as any other property. The management server (probes, metrics) listens
 * on 127.0.0.1 only, so metrics never reach the public through the gateway's port; in {@code local} the public
 * port does too.
 */
public class TopologyDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "frmrTopologyDefaults";
    static final String SERVICES_PREFIX = "frmr.gateway.services.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        Instance gateway = Topology.LOCAL.service(Topology.GATEWAY).primary();
        defaults.put("server.port", gateway.port());
        defaults.put("management.server.port", gateway.managementPort());
        defaults.put("management.server.address", Topology.HOST);
        if (environment.acceptsProfiles(Profiles.of("local"))) {
            defaults.put("server.address", Topology.HOST);
        }
        // Spans leave over OTLP/HTTP only where a collector is named (FRMR_OTLP_ENDPOINT, its traces URL, as the
        // services read it), or management.otlp.tracing.endpoint itself: no endpoint, no exporter.
        String otlp = environment.getProperty("frmr.otlp.endpoint");
        if (otlp != null && !otlp.isBlank()) {
            defaults.put("management.otlp.tracing.endpoint", otlp);
        }
        for (Service service : Topology.LOCAL.services()) {
            defaults.put(SERVICES_PREFIX + service.key(), service.primary().url());
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }

    /**
     * After the config files (so profiles are known), and before Spring Boot's test support, which gives a
     * test a random management port only when it sees one configured.
     */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
