package ru.frmr.employer.web;

import java.util.UUID;

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
import ru.frmr.employer.query.WorkerDirectory;

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

    @Autowired
    protected WorkerDirectory workers;

    protected EmployerClient employer;

    @BeforeEach
    protected void connect() {
        TestClock.CLOCK.set(TestClock.START);
        employer = new EmployerClient(port);
    }

    /**
     * Puts the worker in the directory as the registry's {@code WorkerRegistered} would (the consumer itself is
     * WorkerDirectoryIT's): HR links only registered workers. Returns {@code workerId}.
     */
    protected String registered(String workerId, String lastName, String firstName, String middleName) {
        workers.registered(workerId, lastName, firstName, middleName, TestClock.START);
        return workerId;
    }

    /** A new registered worker, named Петрова Анна Сергеевна; returns the registry number. */
    protected String registeredWorker() {
        return registered(UUID.randomUUID().toString(), "Петрова", "Анна", "Сергеевна");
    }

    protected long storedEvents() {
        return mongo.getCollection("domainevents").countDocuments();
    }
}
