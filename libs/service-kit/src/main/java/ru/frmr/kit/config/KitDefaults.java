package ru.frmr.kit.config;

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
import ru.frmr.topology.Topology;

/**
 * Platform-wide defaults every service gets, at the lowest precedence so a service's
 * {@code application.yml} can still override them. Kept here so that operational rules
 * (what actuator exposes, Kafka delivery guarantees, Axon without Axon Server) are written once.
 */
public class KitDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "frmrKitDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> d = new LinkedHashMap<>();
        // Operations: expose only what operators need.
        d.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        d.put("management.endpoint.health.probes.enabled", "true");
        d.put("management.endpoint.health.show-details", "never");
        // Exemplars (trace ids) only where every Prometheus takes them, on counters and histogram buckets: Micrometer
        // also puts them on a timer's _count, and Prometheus before 2.43 (Debian bookworm's is 2.42) then rejects the
        // whole scrape ("metric name x_count does not support exemplars"), so the service would look down.
        d.put("management.prometheus.metrics.export.properties.io.prometheus.exporter.exemplarsOnAllMetricTypes",
                "false");
        // Not ready without the database; liveness stays independent of it (a restart would not help).
        d.put("management.endpoint.health.group.readiness.include", "readinessState,mongo");
        d.put("management.metrics.tags.service", "${spring.application.name}");
        // Latency per route from buckets Prometheus can aggregate over replicas (p99 by histogram_quantile); SLO
        // buckets only, not the ~70 of a percentile histogram, so the series stay few.
        d.put("management.metrics.distribution.slo.http.server.requests", "50ms,100ms,250ms,500ms,1s,2500ms,5s");
        // Axon's meters tagged with the processor's name instead of one meter name per processor.
        d.put("axon.metrics.micrometer.dimensional", "true");
        // Every request keeps its trace id (traceparent, log lines); one in ten is recorded as sampled spans, the
        // same rate the gateway applies to what it passes on (a proxied request follows the gateway's decision).
        d.put("management.tracing.sampling.probability", "0.1");
        d.put("management.tracing.propagation.type", "w3c");
        // Spans leave over OTLP/HTTP only where a collector is named (FRMR_OTLP_ENDPOINT, its traces URL such as
        // http://collector:4318/v1/traces, or management.otlp.tracing.endpoint itself): no endpoint, no exporter.
        String otlp = environment.getProperty("frmr.otlp.endpoint");
        if (otlp != null && !otlp.isBlank()) {
            d.put("management.otlp.tracing.endpoint", otlp);
        }
        // Errors: problem+json from our advice; no HTML, no default resource handler swallowing 404s.
        d.put("spring.web.resources.add-mappings", "false");
        d.put("server.error.whitelabel.enabled", "false");
        d.put("server.error.include-message", "never");
        d.put("server.error.include-stacktrace", "never");
        d.put("server.shutdown", "graceful");
        // Ports from the platform's topology (libs/topology). Probes and metrics on a management port of their
        // own, on loopback: never served where the API is. A deployment sets management.server.address to what
        // its probes and Prometheus reach, and keeps that port out of every public route.
        String name = environment.getProperty("spring.application.name", "");
        Topology.LOCAL.services().stream().filter(s -> s.name().equals(name)).findFirst().ifPresent(service -> {
            Instance instance = service.primary();
            d.put("server.port", instance.port());
            d.put("management.server.port", instance.managementPort());
        });
        d.put("management.server.address", Topology.HOST);
        // A developer's machine serves nobody else: in local, the API listens on loopback only too.
        if (environment.acceptsProfiles(Profiles.of("local"))) {
            d.put("server.address", Topology.HOST);
        }
        // Axon without Axon Server, Jackson everywhere.
        d.put("axon.axonserver.enabled", "false");
        d.put("axon.serializer.general", "jackson");
        d.put("axon.serializer.events", "jackson");
        d.put("axon.serializer.messages", "jackson");
        // No calls home: these machines reach no outside host, and production must not either.
        d.put("axon.update-check.disabled", "true");
        // A request saying 36.5 where a whole number is asked is refused (400 naming the field), not cut to 36.
        d.put("spring.jackson.deserialization.accept-float-as-int", "false");
        // Kafka: no loss on the producer side, manual progress on the consumer side.
        d.put("spring.kafka.producer.acks", "all");
        d.put("spring.kafka.producer.properties.enable.idempotence", "true");
        d.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        d.put("spring.kafka.consumer.enable-auto-commit", "false");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, d));
    }

    /**
     * After the configuration files (the application's name and profiles are known), and before Spring Boot's
     * test support, which gives a test a random management port only when it sees one configured.
     */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
