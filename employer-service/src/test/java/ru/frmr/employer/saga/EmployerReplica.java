package ru.frmr.employer.saga;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.employer.EmployerApplication;
import ru.frmr.employer.TestOrganizations;
import ru.frmr.employer.query.EmploymentLookup;
import ru.frmr.employer.query.EmploymentSummary;
import ru.frmr.infra.embedded.MutableClock;
import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;

/**
 * One running instance of employer-service (a whole Spring application context with its web server on a random
 * port) against the shared Kafka broker and Mongo, sweeping link-request and answer deadlines every 200 ms by the
 * shared test clock. Several may run at once.
 */
final class EmployerReplica implements AutoCloseable {

    /** The employment records the test's lookup knows (the employment feature's read model is another's). */
    static final Map<String, EmploymentSummary> EMPLOYMENTS = new ConcurrentHashMap<>();
    private static MutableClock clock;

    private final ConfigurableApplicationContext context;

    private EmployerReplica(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static EmployerReplica start(String name, String database, MutableClock sharedClock, TestJwtIssuer issuer) {
        clock = sharedClock;
        SharedTestInfra infra = SharedTestInfra.get();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EmployerApplication.class,
                TestOrganizations.class, ReplicaOverrides.class)
                .run("--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.data.mongodb.uri=" + infra.mongoUri(database),
                        "--frmr.security.jwks-uri=" + issuer.jwksUri(),
                        "--server.port=0",
                        "--management.server.port=0",
                        "--frmr.employer.link-requests.sweep-interval=200ms",
                        "--frmr.employer.discrepancies.sweep-interval=200ms",
                        "--test.replica-name=" + name);
        return new EmployerReplica(context);
    }

    static void employs(String employmentId, String organizationId, String workerId) {
        EMPLOYMENTS.put(employmentId, new EmploymentSummary(employmentId, organizationId, workerId, "THERAPIST",
                "Терапевтическое отделение", new BigDecimal("1.0"), "MAIN", "ТД-17", LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 3), null));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    MongoTemplate mongo() {
        return bean(MongoTemplate.class);
    }

    LinkRequestExpirySweeper linkSweeper() {
        return bean(LinkRequestExpirySweeper.class);
    }

    OverdueSweeper overdueSweeper() {
        return bean(OverdueSweeper.class);
    }

    /** How many link-request sweeps this replica has run (with the lock taken, or directly). */
    double linkSweeps() {
        return count("frmr.employer.link_requests.sweeps");
    }

    /** How many overdue-answer sweeps this replica has run (with the lock taken, or directly). */
    double overdueSweeps() {
        return count("frmr.employer.discrepancies.sweeps");
    }

    private double count(String meter) {
        Counter counter = bean(MeterRegistry.class).find(meter).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * What differs from production: the test clock, the organisations ({@code TestOrganizations}) and the
     * employments a discrepancy test needs (the staff feature's read model has its own tests), and a token-store
     * owner name per replica (in production each replica is its own JVM and Axon names the owner after
     * the process; here they share one JVM and would otherwise both believe they hold every claim).
     */
    static class ReplicaOverrides {

        @Bean
        @Primary
        Clock testClock() {
            return clock;
        }

        @Bean
        @Primary
        EmploymentLookup testEmployments() {
            return employmentId -> Optional.ofNullable(EMPLOYMENTS.get(employmentId));
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
