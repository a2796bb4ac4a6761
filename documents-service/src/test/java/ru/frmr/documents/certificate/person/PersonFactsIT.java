package ru.frmr.documents.certificate.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.contracts.employer.ContractKind;
import ru.frmr.contracts.employer.EmployingOrganization;
import ru.frmr.contracts.employer.EmploymentCorrected;
import ru.frmr.contracts.employer.EmploymentEnded;
import ru.frmr.contracts.employer.EmploymentRecorded;
import ru.frmr.contracts.registry.ProfessionalEntry;
import ru.frmr.contracts.registry.ProfessionalRecordChanged;
import ru.frmr.documents.certificate.CertificateItSupport;

/**
 * The person read model against the Mongo wire server: versions only go up, an e-mail address finds its worker
 * whichever of the two events comes first and is never left readable under the account's key, and an erasure
 * leaves nothing readable that a later event could bring back.
 */
class PersonFactsIT extends CertificateItSupport {

    private static final EmployingOrganization HOSPITAL = new EmployingOrganization("org-5", "ГКБ № 1",
            "1027700132195", "77");
    private static final Instant AT = Instant.parse("2026-11-25T10:15:30Z");

    @Autowired
    MongoTemplate mongo;

    @Test
    void anEmploymentIsAppliedOnlyByAHigherVersion() {
        String worker = UUID.randomUUID().toString();
        String employment = UUID.randomUUID().toString();
        facts.registered(worker, "Иванова", "Мария", "Петровна", AT);
        facts.employmentRecorded(new EmploymentRecorded(employment, worker, HOSPITAL, null, "THERAPIST",
                new BigDecimal("1.0"), ContractKind.MAIN, LocalDate.of(2020, 3, 1), 1, AT));
        facts.employmentCorrected(new EmploymentCorrected(employment, worker, HOSPITAL, null, "CARDIOLOGIST",
                new BigDecimal("0.5"), ContractKind.MAIN, LocalDate.of(2020, 3, 1), 3, AT));
        // Late and out of order: version 2 after version 3 changes nothing; the same event twice neither.
        facts.employmentCorrected(new EmploymentCorrected(employment, worker, HOSPITAL, null, "SURGEON",
                new BigDecimal("0.25"), ContractKind.MAIN, LocalDate.of(2020, 3, 1), 2, AT));
        facts.employmentEnded(new EmploymentEnded(employment, worker, "org-5", LocalDate.of(2025, 12, 31), 4, AT));
        facts.employmentEnded(new EmploymentEnded(employment, worker, "org-5", LocalDate.of(2025, 12, 31), 4, AT));

        KnownEmployment held = facts.snapshot(worker).employments().get(0);
        assertThat(held.positionCode()).isEqualTo("CARDIOLOGIST");
        assertThat(held.rate()).isEqualTo("0.5");
        assertThat(held.endDate()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(held.version()).isEqualTo(4);
    }

    @Test
    void aRemovedEntryStaysRemovedWhenAnOlderChangeArrivesLate() {
        String worker = UUID.randomUUID().toString();
        facts.registered(worker, "Иванова", "Мария", "Петровна", AT);
        ProfessionalEntry certificate = new ProfessionalEntry("CERTIFICATES", null, null, null, "31.08.49", null,
                null, "0177", "241234", LocalDate.of(2022, 5, 1), null, LocalDate.of(2027, 5, 1), null);
        facts.professionalRecordChanged(new ProfessionalRecordChanged(worker, "ADDED", "CERTIFICATES", "c-1",
                certificate, 5, AT));
        assertThat(facts.snapshot(worker).entries()).hasSize(1);
        facts.professionalRecordChanged(new ProfessionalRecordChanged(worker, "REMOVED", "CERTIFICATES", "c-1",
                null, 7, AT));
        facts.professionalRecordChanged(new ProfessionalRecordChanged(worker, "UPDATED", "CERTIFICATES", "c-1",
                certificate, 6, AT));
        assertThat(facts.snapshot(worker).entries()).isEmpty();
    }

    @Test
    void theEmailFindsItsWorkerWhicheverEventComesFirst() {
        String emailFirst = UUID.randomUUID().toString();
        String account1 = UUID.randomUUID().toString();
        facts.registered(emailFirst, "Иванова", "Мария", "Петровна", AT);
        facts.accountProvisioned(account1, "first@example.ru");
        facts.accountLinked(emailFirst, account1);
        assertThat(facts.email(emailFirst)).contains("first@example.ru");
        Document account = mongo.getCollection("certificate_accounts").find(new Document("_id", account1)).first();
        assertThat(account).doesNotContainKey("pendingEmail");

        String linkFirst = UUID.randomUUID().toString();
        String account2 = UUID.randomUUID().toString();
        facts.registered(linkFirst, "Петров", "Пётр", null, AT);
        facts.accountLinked(linkFirst, account2);
        facts.accountProvisioned(account2, "second@example.ru");
        assertThat(facts.email(linkFirst)).contains("second@example.ru");

        Document stored = mongo.getCollection("certificate_people").find(new Document("_id", linkFirst)).first();
        assertThat(stored.getString("email")).startsWith("pd1:").doesNotContain("second");
        assertThat(stored.getString("lastName")).startsWith("pd1:");
    }

    @Test
    void anErasureLeavesNothingAndALateRegistrationBringsNothingBack() {
        String worker = UUID.randomUUID().toString();
        String account = UUID.randomUUID().toString();
        facts.registered(worker, "Иванова", "Мария", "Петровна", AT);
        facts.accountLinked(worker, account);
        facts.accountProvisioned(account, "gone@example.ru");
        facts.employmentRecorded(new EmploymentRecorded(UUID.randomUUID().toString(), worker, HOSPITAL, null,
                "THERAPIST", new BigDecimal("1.0"), ContractKind.MAIN, LocalDate.of(2020, 3, 1), 1, AT));

        facts.erased(worker, AT);
        facts.registered(worker, "Иванова", "Мария", "Петровна", AT);

        PersonSnapshot snapshot = facts.snapshot(worker);
        assertThat(snapshot.inRegister()).isFalse();
        assertThat(snapshot.erased()).isTrue();
        assertThat(snapshot.employments()).isEmpty();
        assertThat(facts.email(worker)).isEmpty();
        assertThat(facts.maskedName(worker)).isEmpty();
        Document stored = mongo.getCollection("certificate_people").find(new Document("_id", worker)).first();
        assertThat(stored).doesNotContainKeys("lastName", "firstName", "middleName", "email");
    }
}
