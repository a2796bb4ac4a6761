package ru.frmr.employer.web;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.employer.EmployerClient;
import ru.frmr.employer.TestClock;
import ru.frmr.employer.TestOrganizations;

/**
 * One application context for the link and employment ITs that extend it, against the shared Kafka broker and
 * Mongo server, with the test organisations and the test clock (held at {@link TestClock#START}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({TestOrganizations.class, TestClock.class})
public abstract class StaffApiSupport {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmployerClient.useSharedInfra(registry, "employer_staff_api_it");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    protected EmployerClient employer;

    @BeforeEach
    protected void connect() {
        TestClock.CLOCK.set(TestClock.START);
        employer = new EmployerClient(port);
    }

    protected long storedEvents() {
        return mongo.getCollection("domainevents").countDocuments();
    }
}
