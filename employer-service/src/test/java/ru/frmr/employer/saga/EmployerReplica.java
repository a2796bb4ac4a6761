package ru.frmr.employer.saga;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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

import ru.frmr.employer.EmployerApplication;
import ru.frmr.employer.TestOrganizations;
import ru.frmr.infra.embedded.MutableClock;
import ru.frmr.infra.embedded.SharedTestInfra;

/**
 * One running instance of employer-service (a whole Spring application context) against the shared Kafka broker
 * and Mongo, sweeping link requests every 200 ms by the shared test clock. Several may run at once.
 */
final class EmployerReplica implements AutoCloseable {

    private static MutableClock clock;

    private final ConfigurableApplicationContext context;

    private EmployerReplica(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static EmployerReplica start(String name, String database, MutableClock sharedClock) {
        clock = sharedClock;
        SharedTestInfra infra = SharedTestInfra.get();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EmployerApplication.class,
                TestOrganizations.class, ReplicaOverrides.class)
                .web(WebApplicationType.NONE)
                .run("--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.data.mongodb.uri=" + infra.mongoUri(database),
                        "--frmr.employer.link-requests.sweep-interval=200ms",
                        "--test.replica-name=" + name);
        return new EmployerReplica(context);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    MongoTemplate mongo() {
        return bean(MongoTemplate.class);
    }

    LinkRequestExpirySweeper sweeper() {
        return bean(LinkRequestExpirySweeper.class);
    }

    /** How many sweeps this replica has run (with the lock taken, or directly). */
    double sweeps() {
        Counter counter = bean(MeterRegistry.class).find("frmr.employer.link_requests.sweeps").counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * What differs from production: the test clock, and a token-store owner name per replica. In production each
     * replica is its own JVM and Axon names the owner after the process; here both share one JVM and would
     * otherwise both believe they hold every claim.
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
