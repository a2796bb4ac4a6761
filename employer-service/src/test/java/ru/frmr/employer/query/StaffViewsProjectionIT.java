package ru.frmr.employer.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.employer.api.EmploymentChangeKind;
import ru.frmr.employer.api.EmploymentChangedEvent;
import ru.frmr.employer.api.EmploymentTerms;
import ru.frmr.employer.api.LinkInitiator;
import ru.frmr.employer.api.LinkRequestAcceptedEvent;
import ru.frmr.employer.api.LinkRequestExpiredEvent;
import ru.frmr.employer.api.LinkRequestStatus;
import ru.frmr.employer.api.LinkRequestedEvent;
import ru.frmr.employer.api.OrganizationRef;
import ru.frmr.employer.api.WorkerDismissedEvent;
import ru.frmr.employer.api.WorkerHiredEvent;
import ru.frmr.infra.embedded.SharedTestInfra;

/**
 * The link request and employment views on the Mongo wire server, their events delivered again as a tracking
 * processor does after a crash between its write and its token: nothing is applied twice, and a late answer does
 * not undo an earlier one.
 */
class StaffViewsProjectionIT {

    private static final String ORG = "org-a";
    private static final String WORKER = "7d0c6b1e-2222-4a2b-9c3d-000000000001";
    private static final String MEMBERSHIP = ORG + ":" + WORKER;
    private static final Instant AT = Instant.parse("2026-03-02T07:00:00Z");
    private static final EmploymentTerms TERMS = new EmploymentTerms("THERAPIST", "Терапия", new BigDecimal("1.00"),
            "MAIN", "ТД-1", LocalDate.of(2026, 1, 30), LocalDate.of(2026, 2, 2));
    private static final OrganizationRef CARD = new OrganizationRef(ORG, "ГБУЗ", "1027700132195", "77");

    private MongoClient client;
    private MongoTemplate mongo;
    private StaffViewsProjection projection;
    private StaffQueries queries;

    @BeforeEach
    void connect() {
        String database = "employer_views_" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(SharedTestInfra.get().mongoUri(database));
        mongo = new MongoTemplate(client, database);
        projection = new StaffViewsProjection(mongo);
        queries = new StaffQueries(mongo);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void anEmploymentsEventsDeliveredTwiceLeaveOneHistory() {
        WorkerHiredEvent hired = new WorkerHiredEvent(MEMBERSHIP, ORG, WORKER, "emp-1", CARD, TERMS, 1, AT);
        EmploymentChangedEvent changed = new EmploymentChangedEvent(MEMBERSHIP, ORG, WORKER, "emp-1", CARD,
                EmploymentChangeKind.RATE_CHANGE, TERMS.withChange("THERAPIST", "Терапия", new BigDecimal("0.50"),
                        "MAIN"), LocalDate.of(2026, 2, 20), 2, AT);
        WorkerDismissedEvent dismissed = new WorkerDismissedEvent(MEMBERSHIP, ORG, WORKER, "emp-1",
                LocalDate.of(2026, 3, 1), "TK77-1-1", 3, AT);

        for (Object event : List.of(hired, hired, changed, changed, dismissed, hired, changed, dismissed)) {
            apply(event);
        }

        EmploymentView view = queries.employments(ORG, WORKER).get(0);
        assertThat(view.version()).isEqualTo(3);
        assertThat(view.status()).isEqualTo(EmploymentView.DISMISSED);
        assertThat(view.rate()).isEqualByComparingTo("0.50");
        assertThat(view.dismissalReason()).isEqualTo("TK77-1-1");
        assertThat(view.history()).extracting(EmploymentView.HistoryEntry::kind)
                .containsExactly("HIRE", "RATE_CHANGE", "DISMISSAL");
        assertThat(queries.find("emp-1")).hasValueSatisfying(s -> assertThat(s.endDate())
                .isEqualTo(LocalDate.of(2026, 3, 1)));
    }

    @Test
    void aLinkRequestIsSettledOnce() {
        LinkRequestedEvent requested = new LinkRequestedEvent(MEMBERSHIP, ORG, WORKER, "req-1",
                LinkInitiator.EMPLOYER, null, null, AT, AT.plusSeconds(60));
        LinkRequestAcceptedEvent accepted = new LinkRequestAcceptedEvent(MEMBERSHIP, ORG, WORKER, "req-1",
                LinkInitiator.EMPLOYER, AT.plusSeconds(10));

        for (Object event : List.of(requested, accepted, requested, accepted,
                new LinkRequestExpiredEvent(MEMBERSHIP, ORG, WORKER, "req-1", LinkInitiator.EMPLOYER,
                        AT.plusSeconds(90)))) {
            apply(event);
        }

        StaffQueries.Slice<LinkRequestView> all = queries.organizationRequests(ORG, null, null, 0, 10);
        assertThat(all.total()).isEqualTo(1);
        assertThat(all.items().get(0).status()).isEqualTo(LinkRequestStatus.ACCEPTED);
        assertThat(all.items().get(0).answeredAt()).isEqualTo(AT.plusSeconds(10));
        assertThat(queries.workerRequests(WORKER, LinkRequestStatus.EXPIRED, 0, 10).total()).isZero();
        assertThat(queries.organizationRequests(ORG, null, LinkInitiator.EMPLOYER, 0, 10).total()).isEqualTo(1);
        assertThat(queries.organizationRequests(ORG, null, LinkInitiator.WORKER, 0, 10).total()).isZero();
    }

    private void apply(Object event) {
        if (event instanceof LinkRequestedEvent e) {
            projection.on(e);
        } else if (event instanceof LinkRequestAcceptedEvent e) {
            projection.on(e);
        } else if (event instanceof LinkRequestExpiredEvent e) {
            projection.on(e);
        } else if (event instanceof WorkerHiredEvent e) {
            projection.on(e);
        } else if (event instanceof EmploymentChangedEvent e) {
            projection.on(e);
        } else if (event instanceof WorkerDismissedEvent e) {
            projection.on(e);
        } else {
            throw new IllegalArgumentException(event.getClass().getName());
        }
    }
}
