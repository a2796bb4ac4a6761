package ru.frmr.registry.command;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.registry.api.ApproveProfileChangeCommand;
import ru.frmr.registry.api.CertificateEntry;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.ProfileChangeRejectedEvent;
import ru.frmr.registry.api.ProfileChangeSubmittedEvent;
import ru.frmr.registry.api.RecordSection;
import ru.frmr.registry.api.RejectProfileChangeCommand;
import ru.frmr.registry.api.SealedPersonalData;
import ru.frmr.registry.api.WorkerRegisteredEvent;
import ru.frmr.registry.reference.ReferenceDictionaries;

/** An administrator who is also a medical worker decides no change of their own record. */
class MedicalWorkerOwnRecordModerationTest {

    private static final String ID = "8c1f2c4e-1111-3a2b-9c3d-000000000003";
    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    /** The worker's account, which also holds REGISTRY_ADMIN. */
    private static final String OWNER = "account:owner";
    private static final String OTHER_ADMIN = "account:other-admin";
    private static final CertificateEntry CERTIFICATE = new CertificateEntry("0177", "180012345",
            LocalDate.of(2021, 5, 20), LocalDate.of(2026, 5, 20), "31.08.36");

    private FixtureConfiguration<MedicalWorker> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MedicalWorker.class);
        fixture.registerInjectableResource(new ReferenceDictionaries());
    }

    /** The record with a change its owner submitted, awaiting moderation. */
    private TestExecutor<MedicalWorker> givenOwnersPendingChange() {
        return fixture.given(new WorkerRegisteredEvent(ID, "Кузнецов", "Игорь", "Олегович", LocalDate.of(1975, 10, 10), null, null,
                new SealedPersonalData("11111111145", null, null, null, null)),
                new ProfileChangeSubmittedEvent(ID, "c-1", ChangeKind.ADD, RecordSection.CERTIFICATES, "e-1",
                        CERTIFICATE, OWNER, NOW));
    }

    @Test
    void anAdministratorCannotApproveAChangeOfTheirOwnRecord() {
        givenOwnersPendingChange().when(new ApproveProfileChangeCommand(ID, "c-1", "account:admin-session-2", NOW, ID))
                .expectException(OwnRecordModerationException.class)
                .expectNoEvents();
    }

    @Test
    void anAdministratorCannotRejectAChangeOfTheirOwnRecord() {
        givenOwnersPendingChange().when(new RejectProfileChangeCommand(ID, "c-1", "Передумал", "account:admin-session-2", NOW, ID))
                .expectException(OwnRecordModerationException.class)
                .expectNoEvents();
    }

    @Test
    void theAccountThatSubmittedAChangeCannotDecideItEvenWithoutAWorkerIdInItsToken() {
        givenOwnersPendingChange().when(new ApproveProfileChangeCommand(ID, "c-1", OWNER, NOW, null))
                .expectException(OwnRecordModerationException.class)
                .expectNoEvents();
        givenOwnersPendingChange().when(new RejectProfileChangeCommand(ID, "c-1", "Нет", OWNER, NOW, null))
                .expectException(OwnRecordModerationException.class)
                .expectNoEvents();
    }

    @Test
    void anotherAdministratorWhoIsAlsoAWorkerApprovesIt() {
        givenOwnersPendingChange().when(new ApproveProfileChangeCommand(ID, "c-1", OTHER_ADMIN, NOW, "another-worker-id"))
                .expectEvents(new ProfileChangeApprovedEvent(ID, "c-1", ChangeKind.ADD, RecordSection.CERTIFICATES,
                        "e-1", CERTIFICATE, OTHER_ADMIN, NOW, 2));
    }

    @Test
    void anotherAdministratorWithoutARecordRejectsIt() {
        givenOwnersPendingChange().when(new RejectProfileChangeCommand(ID, "c-1", "Нечитаемо", OTHER_ADMIN, NOW, null))
                .expectEvents(new ProfileChangeRejectedEvent(ID, "c-1", ChangeKind.ADD, RecordSection.CERTIFICATES,
                        "e-1", "Нечитаемо", OTHER_ADMIN, NOW));
    }
}
