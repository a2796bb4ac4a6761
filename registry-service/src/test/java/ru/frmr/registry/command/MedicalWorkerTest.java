package ru.frmr.registry.command;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.registry.api.ContactsUpdatedEvent;
import ru.frmr.registry.api.RegisterWorkerCommand;
import ru.frmr.registry.api.UpdateContactsCommand;
import ru.frmr.registry.api.WorkerRegisteredEvent;

class MedicalWorkerTest {

    private static final String ID = "8c1f2c4e-1111-3a2b-9c3d-000000000001";
    private static final LocalDate BIRTH = LocalDate.of(1985, 4, 12);

    private FixtureConfiguration<MedicalWorker> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MedicalWorker.class);
    }

    private static WorkerRegisteredEvent registered() {
        return new WorkerRegisteredEvent(ID, "Иванова", "Мария", "Петровна", BIRTH, "11223344595", "m@example.ru",
                "+79990000001");
    }

    @Test
    void registersAWorkerWithNormalisedSnils() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWorkerCommand(ID, "Иванова", "Мария", "Петровна", BIRTH, "112-233-445 95",
                        "m@example.ru", "+79990000001"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered());
    }

    @Test
    void rejectsAnInvalidSnils() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWorkerCommand(ID, "Иванова", "Мария", null, BIRTH, "112-233-445 96", "m@example.ru", null))
                .expectException(BusinessRuleException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsMissingName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWorkerCommand(ID, " ", "Мария", null, BIRTH, "112-233-445 95", "m@example.ru", null))
                .expectException(BusinessRuleException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsMissingBirthDate() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWorkerCommand(ID, "Иванова", "Мария", null, null, "112-233-445 95", "m@example.ru", null))
                .expectException(BusinessRuleException.class)
                .expectNoEvents();
    }

    @Test
    void updatesContactsWithANewProfileVersion() {
        fixture.given(registered())
                .when(new UpdateContactsCommand(ID, "new@example.ru", "+79991234567"))
                .expectEvents(new ContactsUpdatedEvent(ID, "new@example.ru", "+79991234567", 2));
    }

    @Test
    void contactsEqualToTheRegisteredOnesChangeNothing() {
        fixture.given(registered())
                .when(new UpdateContactsCommand(ID, "m@example.ru", "+79990000001"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void repeatedContactsUpdateChangesNothing() {
        fixture.given(registered(), new ContactsUpdatedEvent(ID, "new@example.ru", "+79991234567", 2))
                .when(new UpdateContactsCommand(ID, "new@example.ru", "+79991234567"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void versionKeepsIncreasing() {
        fixture.given(registered(), new ContactsUpdatedEvent(ID, "new@example.ru", null, 2))
                .when(new UpdateContactsCommand(ID, "new@example.ru", "+79991234567"))
                .expectEvents(new ContactsUpdatedEvent(ID, "new@example.ru", "+79991234567", 3));
    }
}
