package ru.frmr.kit.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Platform-wide defaults every service gets, at the lowest precedence so a service's
 * {@code application.yml} can still override them. Kept here so that operational rules
 * (what actuator exposes, Kafka delivery guarantees, Axon without Axon Server) are written once.
 */
public class KitDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "frmrKitDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> d = new LinkedHashMap<>();
        // Operations: expose only what operators need.
        d.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        d.put("management.endpoint.health.probes.enabled", "true");
        d.put("management.endpoint.health.show-details", "never");
        // Not ready without the database; liveness stays independent of it (a restart would not help).
        d.put("management.endpoint.health.group.readiness.include", "readinessState,mongo");
        d.put("management.metrics.tags.service", "${spring.application.name}");
        // Every request keeps its trace id (traceparent, log lines); one in ten is recorded as sampled spans, the
        // same rate the gateway applies to what it passes on (a proxied request follows the gateway's decision).
        d.put("management.tracing.sampling.probability", "0.1");
        d.put("management.tracing.propagation.type", "w3c");
        // Errors: problem+json from our advice; no HTML, no default resource handler swallowing 404s.
        d.put("spring.web.resources.add-mappings", "false");
        d.put("server.error.whitelabel.enabled", "false");
        d.put("server.error.include-message", "never");
        d.put("server.error.include-stacktrace", "never");
        d.put("server.shutdown", "graceful");
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
}
