package ru.frmr.registry.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.EducationEntry;
import ru.frmr.registry.api.EmploymentContractKind;
import ru.frmr.registry.api.EmploymentCorrectedEvent;
import ru.frmr.registry.api.EmploymentEndedEvent;
import ru.frmr.registry.api.EmploymentRecordedEvent;
import ru.frmr.registry.api.EmploymentTerms;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.RecordSection;
import ru.frmr.registry.api.SealedPersonalData;
import ru.frmr.registry.api.WorkerRegisteredEvent;
import ru.frmr.registry.reference.EmploymentDictionaries;
import ru.frmr.registry.reference.ReferenceDictionaries;
import ru.frmr.registry.search.PublicRegisterIndex;
import ru.frmr.registry.search.PublicSearchQuery;
import ru.frmr.registry.search.PublicWorkerDocument;
import ru.frmr.registry.search.PublicWorkerDocument.Employer;

/** How employment events shape the public register's current employers. */
class PublicRegisterProjectionEmploymentTest {

    private static final String WORKER = "w-1";
    private static final Instant AT = Instant.parse("2026-11-25T07:00:00Z");
    private static final EmploymentDictionaries DICTIONARIES = new EmploymentDictionaries();

    private final PublicRegisterIndex index = PublicRegisterIndex.inMemory(Clock.fixed(AT, ZoneOffset.UTC));
    private final PublicRegisterProjection projection = new PublicRegisterProjection(index, new ReferenceDictionaries(),
            Clock.fixed(AT, ZoneOffset.UTC));

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void theMainJobIsThePrincipalEmployerWhateverItsStartAndEveryCurrentOneIsListed() {
        registeredWithADiploma();
        projection.on(recorded("emp-2", terms("org-2", "78", "CARDIOLOGIST", EmploymentContractKind.EXTERNAL_PART_TIME,
                LocalDate.of(2015, 1, 1))), DICTIONARIES);
        projection.on(recorded("emp-1", terms("org-1", "77", "THERAPIST", EmploymentContractKind.MAIN,
                LocalDate.of(2020, 1, 1))), DICTIONARIES);

        PublicWorkerDocument worker = index.find(WORKER).orElseThrow();
        assertThat(worker.currentEmployer()).isEqualTo(new Employer("org-1", "Организация org-1", "THERAPIST",
                "Врач-терапевт", "77", LocalDate.of(2020, 1, 1)));
        assertThat(worker.regionCode()).isEqualTo("77");
        assertThat(worker.currentEmployers()).extracting(Employer::organizationId).containsExactly("org-1", "org-2");
        assertThat(ids(null, "org-2")).containsExactly(WORKER);
        assertThat(ids("78", null)).containsExactly(WORKER);
    }

    @Test
    void aCorrectionMovesThePositionAndAnEndRemovesTheEmployerForGood() {
        registeredWithADiploma();
        projection.on(recorded("emp-1", terms("org-1", "77", "THERAPIST", EmploymentContractKind.MAIN,
                LocalDate.of(2020, 1, 1))), DICTIONARIES);
        projection.on(new EmploymentCorrectedEvent(WORKER, "emp-1", 2, terms("org-1", "77", "CARDIOLOGIST",
                EmploymentContractKind.MAIN, LocalDate.of(2020, 1, 1)), "hr", AT, 3), DICTIONARIES);
        assertThat(index.find(WORKER).orElseThrow().currentEmployer().positionName()).isEqualTo("Врач-кардиолог");

        projection.on(new EmploymentEndedEvent(WORKER, "emp-1", 3, LocalDate.of(2026, 11, 24), "hr", AT, 4));
        assertThat(index.find(WORKER).orElseThrow().currentEmployer()).isNull();
        assertThat(ids(null, "org-1")).isEmpty();

        // A later correction of the past employment does not make it current again.
        projection.on(new EmploymentCorrectedEvent(WORKER, "emp-1", 4, terms("org-1", "77", "THERAPIST",
                EmploymentContractKind.MAIN, LocalDate.of(2020, 1, 1)), "hr", AT, 5), DICTIONARIES);
        assertThat(index.find(WORKER).orElseThrow().currentEmployers()).isEmpty();
        assertThat(ids("77", null)).isEmpty();
    }

    private List<String> ids(String region, String organization) {
        return index.search(new PublicSearchQuery(null, null, region, organization, null, 0, 10)).items().stream()
                .map(PublicWorkerDocument::workerId).toList();
    }

    /** The register lists only a person with an approved education or licence. */
    private void registeredWithADiploma() {
        projection.on(registered());
        projection.on(new ProfileChangeApprovedEvent(WORKER, "c-1", ChangeKind.ADD, RecordSection.EDUCATION, "e-1",
                new EducationEntry("ПМГМУ им. И.М. Сеченова", "DIPLOMA", "107704", "0012345",
                        LocalDate.of(2008, 6, 30), "31.05.01", "Врач-лечебник", "HIGHER_SPECIALIST"),
                "account:admin", AT, 2));
    }

    private static WorkerRegisteredEvent registered() {
        return new WorkerRegisteredEvent(WORKER, "Иванова", "Мария", null, LocalDate.of(1985, 4, 12), null, null,
                new SealedPersonalData("11223344595", null, null, null, null));
    }

    private static EmploymentRecordedEvent recorded(String employmentId, EmploymentTerms terms) {
        return new EmploymentRecordedEvent(WORKER, employmentId, 1, terms, "hr", AT, 2);
    }

    private static EmploymentTerms terms(String org, String region, String position, EmploymentContractKind kind,
                                         LocalDate start) {
        return new EmploymentTerms(org, "Организация " + org, "1027700132195", region, null, position,
                new BigDecimal("1.00"), kind, start);
    }
}
