package ru.frmr.employer.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.employer.ContractKind;
import ru.frmr.contracts.employer.EmployerLinkAnswered;
import ru.frmr.contracts.employer.EmployerLinkRequested;
import ru.frmr.contracts.employer.EmployingOrganization;
import ru.frmr.contracts.employer.EmploymentCorrected;
import ru.frmr.contracts.employer.EmploymentEnded;
import ru.frmr.contracts.employer.EmploymentRecorded;
import ru.frmr.employer.api.EmploymentChangeKind;
import ru.frmr.employer.api.EmploymentChangedEvent;
import ru.frmr.employer.api.EmploymentTerms;
import ru.frmr.employer.api.LinkInitiator;
import ru.frmr.employer.api.LinkRequestAcceptedEvent;
import ru.frmr.employer.api.LinkRequestDeclinedEvent;
import ru.frmr.employer.api.LinkRequestExpiredEvent;
import ru.frmr.employer.api.LinkRequestedEvent;
import ru.frmr.employer.api.OrganizationRef;
import ru.frmr.employer.api.WorkerDismissedEvent;
import ru.frmr.employer.api.WorkerHiredEvent;

/**
 * Producer side of the contracts: what the relay publishes for link requests and employments conforms to the JSON
 * Schemas in libs/contracts, and the public one names nobody.
 */
class StaffEventsContractTest {

    private static final EmployerEventMapper MAPPER = new EmployerEventMapper();
    private static final String ORG = "org-5";
    private static final String WORKER = "7d0c6b1e-2222-4a2b-9c3d-000000000001";
    private static final String MEMBERSHIP = ORG + ":" + WORKER;
    private static final Instant AT = Instant.parse("2026-03-02T07:00:00Z");
    private static final OrganizationRef CARD = new OrganizationRef(ORG, "ГБУЗ «Городская поликлиника № 1»",
            "1027700132195", "77");
    private static final EmploymentTerms TERMS = new EmploymentTerms("THERAPIST", "Терапевтическое отделение",
            new BigDecimal("0.75"), "INTERNAL_PART_TIME", "ТД-15/2026", LocalDate.of(2026, 1, 30),
            LocalDate.of(2026, 2, 2));

    private static IntegrationEvent mapped(Object domainEvent) {
        IntegrationEvent event = MAPPER.map(domainEvent, AT).orElseThrow();
        assertThat(ContractSchemas.violations(event)).as(event.getClass().getSimpleName()).isEmpty();
        return event;
    }

    @Test
    void anHrRequestIsTheOnePublicContractAndCarriesIdsOnly() {
        IntegrationEvent event = mapped(new LinkRequestedEvent(MEMBERSHIP, ORG, WORKER, "req-1",
                LinkInitiator.EMPLOYER, null, null, AT, AT.plusSeconds(86_400)));

        assertThat(event).isEqualTo(new EmployerLinkRequested("req-1", ORG, WORKER, AT));
        assertThat(EventCatalog.of(event.getClass()).publicContract()).isTrue();
        assertThat(EventCatalog.of(event.getClass()).topic()).isEqualTo(Topics.EMPLOYER_EVENTS);
        assertThat(new String(ContractJson.toBytes(event), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("contract").doesNotContain("expires");
    }

    @Test
    void aWorkersOwnRequestIsNotPublished() {
        assertThat(MAPPER.map(new LinkRequestedEvent(MEMBERSHIP, ORG, WORKER, "req-1", LinkInitiator.WORKER,
                "ТД-15/2026", LocalDate.of(2026, 1, 30), AT, AT.plusSeconds(60)), AT)).isEmpty();
    }

    @Test
    void howARequestWasSettledIsInternalAndCarriesIdsOnly() {
        assertThat(mapped(new LinkRequestAcceptedEvent(MEMBERSHIP, ORG, WORKER, "req-1", LinkInitiator.WORKER, AT)))
                .isEqualTo(new EmployerLinkAnswered("req-1", ORG, WORKER, "WORKER", "ACCEPTED", AT));
        assertThat(mapped(new LinkRequestDeclinedEvent(MEMBERSHIP, ORG, WORKER, "req-1", LinkInitiator.EMPLOYER,
                AT))).isEqualTo(new EmployerLinkAnswered("req-1", ORG, WORKER, "EMPLOYER", "DECLINED", AT));
        IntegrationEvent expired = mapped(new LinkRequestExpiredEvent(MEMBERSHIP, ORG, WORKER, "req-1",
                LinkInitiator.EMPLOYER, AT));
        assertThat(expired).isEqualTo(new EmployerLinkAnswered("req-1", ORG, WORKER, "EMPLOYER", "EXPIRED", AT));
        assertThat(EventCatalog.of(expired.getClass()).publicContract()).isFalse();
    }

    @Test
    void aHireIsEmploymentRecordedAtVersionOneWithTheOrganisationCard() {
        IntegrationEvent event = mapped(new WorkerHiredEvent(MEMBERSHIP, ORG, WORKER, "emp-1", CARD, TERMS, 1, AT));

        assertThat(event).isEqualTo(new EmploymentRecorded("emp-1", WORKER,
                new EmployingOrganization(ORG, CARD.name(), CARD.ogrn(), "77"), "Терапевтическое отделение",
                "THERAPIST", new BigDecimal("0.75"), ContractKind.INTERNAL_PART_TIME, LocalDate.of(2026, 2, 2), 1,
                AT));
    }

    @Test
    void aChangeIsEmploymentCorrectedWithTheWholeTerms() {
        IntegrationEvent event = mapped(new EmploymentChangedEvent(MEMBERSHIP, ORG, WORKER, "emp-1", CARD,
                EmploymentChangeKind.RATE_CHANGE, TERMS, LocalDate.of(2026, 3, 1), 2, AT));

        assertThat(event).isEqualTo(new EmploymentCorrected("emp-1", WORKER,
                new EmployingOrganization(ORG, CARD.name(), CARD.ogrn(), "77"), "Терапевтическое отделение",
                "THERAPIST", new BigDecimal("0.75"), ContractKind.INTERNAL_PART_TIME, LocalDate.of(2026, 2, 2), 2,
                AT));
    }

    @Test
    void aDepartmentLessEmploymentConformsToo() {
        EmploymentTerms noDepartment = new EmploymentTerms("NURSE", null, new BigDecimal("1.50"), "MAIN", "1",
                LocalDate.of(2026, 1, 30), LocalDate.of(2026, 2, 2));
        mapped(new WorkerHiredEvent(MEMBERSHIP, ORG, WORKER, "emp-2", CARD, noDepartment, 1, AT));
    }

    @Test
    void aDismissalIsEmploymentEndedWithoutTheReason() {
        IntegrationEvent event = mapped(new WorkerDismissedEvent(MEMBERSHIP, ORG, WORKER, "emp-1",
                LocalDate.of(2026, 3, 1), "TK77-1-3", 3, AT));

        assertThat(event).isEqualTo(new EmploymentEnded("emp-1", WORKER, ORG, LocalDate.of(2026, 3, 1), 3, AT));
    }
}
