package ru.frmr.registry.expiry;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.infra.embedded.MutableClock;
import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.registry.RegistryApplication;

/**
 * One running instance of registry-service (a whole Spring application context) against the shared Kafka broker
 * and Mongo, sweeping licence notices every 200 ms by the shared test clock. Several may run at once.
 */
final class RegistryReplica implements AutoCloseable {

    private static MutableClock clock;

    private final ConfigurableApplicationContext context;

    private RegistryReplica(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static RegistryReplica start(String name, String database, MutableClock sharedClock) {
        clock = sharedClock;
        SharedTestInfra infra = SharedTestInfra.get();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RegistryApplication.class,
                ReplicaOverrides.class)
                .web(WebApplicationType.NONE)
                .run("--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.data.mongodb.uri=" + infra.mongoUri(database),
                        "--frmr.registry.expiry.sweep-interval=200ms",
                        "--test.replica-name=" + name);
        return new RegistryReplica(context);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    CommandGateway commands() {
        return bean(CommandGateway.class);
    }

    MongoTemplate mongo() {
        return bean(MongoTemplate.class);
    }

    LicenseNoticeSweeper sweeper() {
        return bean(LicenseNoticeSweeper.class);
    }

    /** How many sweeps this replica has run (with the lock taken, or directly). */
    double sweeps() {
        Counter counter = bean(MeterRegistry.class).find("frmr.registry.expiry.sweeps").counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * What differs from production: the test clock, and a token-store owner name per replica. In production
     * each replica is its own JVM and Axon names the owner after the process; here both replicas share one
     * JVM and would otherwise both believe they hold every claim.
     */
    static class ReplicaOverrides {

        @Bean
        @Primary
        Clock testClock() {
            return clock;
        }

        @Bean
        TokenStore tokenStore(org.axonframework.extensions.mongo.MongoTemplate template, Serializer serializer,
                              @Value("${test.replica-name}") String name) {
            return MongoTokenStore.builder()
                    .mongoTemplate(template)
                    .serializer(serializer)
                    .claimTimeout(Duration.ofSeconds(10))
                    .nodeId(name)
                    .build();
        }
    }
}
