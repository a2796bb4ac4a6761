package ru.frmr.registry.web;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context, against the shared test infrastructure, for the record-section ITs that extend it:
 * the {@code @DynamicPropertySource} is declared here once, so they share it. The calls go through
 * {@link RegistryClient}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RegistryRestSupport {

    private static final String DB = "registry_record_sections_it";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        RegistryClient.useSharedInfraAndIssuer(registry, DB);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    RegistryClient registry;

    @BeforeEach
    void connect() {
        registry = new RegistryClient(port);
    }

    long storedEvents() {
        return mongo.getCollection("domainevents").countDocuments();
    }
}
