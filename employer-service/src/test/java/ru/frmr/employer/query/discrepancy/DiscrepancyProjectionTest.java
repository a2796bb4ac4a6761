package ru.frmr.employer.query.discrepancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.employer.api.AnswerOutcome;
import ru.frmr.employer.api.DiscrepancyAnsweredEvent;
import ru.frmr.employer.api.DiscrepancyField;
import ru.frmr.employer.api.DiscrepancyRaisedEvent;
import ru.frmr.employer.api.EmployerResponseOverdueEvent;
import ru.frmr.infra.embedded.EmbeddedMongo;
import ru.frmr.infra.embedded.MutableClock;

/** The discrepancies read model against the Mongo wire server: the lists, and replays that change nothing. */
class DiscrepancyProjectionTest {

    private static final Instant FILED = Instant.parse("2026-02-19T08:00:00Z");
    private static final Instant OVERDUE_AT = Instant.parse("2026-02-25T21:00:00Z");

    private static EmbeddedMongo server;
    private static MongoClient client;

    private DiscrepancyViews views;
    private DiscrepancyProjection projection;

    @BeforeAll
    static void startMongo() {
        server = EmbeddedMongo.inMemory();
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.close();
    }

    @BeforeEach
    void setUp() {
        views = new DiscrepancyViews(new MongoTemplate(client, "discrepancies_" + UUID.randomUUID().toString()
                .substring(0, 8)));
        projection = new DiscrepancyProjection(views);
    }

    private static DiscrepancyRaisedEvent raised(String id, String org, String worker) {
        return new DiscrepancyRaisedEvent(id, org, worker, "emp-1", DiscrepancyField.RATE, "1.0", "0.5", null,
                FILED, LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 25), false, OVERDUE_AT);
    }

    @Test
    void theOverdueOpenGaugeCountsThoseOverdueUntilAnswered() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        MutableClock clock = new MutableClock(OVERDUE_AT);
        new DiscrepancyGauges(views, clock).bindTo(meters);
        Gauge overdueOpen = meters.get(DiscrepancyGauges.OVERDUE_OPEN).gauge();
        projection.on(raised("d-1", "org-5", "w-1"), 0);
        projection.on(raised("d-2", "org-5", "w-2"), 0);
        assertThat(overdueOpen.value()).isZero();

        projection.on(new EmployerResponseOverdueEvent("d-1", "org-5", "w-1", "emp-1", LocalDate.of(2026, 2, 25),
                OVERDUE_AT, OVERDUE_AT.plusSeconds(5)), 1);
        assertThat(overdueOpen.value()).as("cached for a few seconds").isZero();
        clock.advance(Duration.ofSeconds(5));
        assertThat(overdueOpen.value()).isEqualTo(1);

        projection.on(new DiscrepancyAnsweredEvent("d-1", "org-5", "w-1", AnswerOutcome.CORRECTED, "Исправлено",
                "a-hr", OVERDUE_AT.plusSeconds(60), true), 2);
        clock.advance(Duration.ofSeconds(5));
        assertThat(overdueOpen.value()).isZero();
    }

    @Test
    void openThenOverdueThenAnsweredLateAndReplaysChangeNothing() {
        DiscrepancyRaisedEvent raised = raised("d-1", "org-5", "w-1");
        EmployerResponseOverdueEvent overdue = new EmployerResponseOverdueEvent("d-1", "org-5", "w-1", "emp-1",
                LocalDate.of(2026, 2, 25), OVERDUE_AT, OVERDUE_AT.plusSeconds(5));
        DiscrepancyAnsweredEvent answered = new DiscrepancyAnsweredEvent("d-1", "org-5", "w-1",
                AnswerOutcome.CORRECTED, "Исправлено", "a-hr", OVERDUE_AT.plusSeconds(60), true);

        projection.on(raised, 0);
        DiscrepancyView open = views.ofWorker("w-1", null, 0, 10).items().get(0);
        assertThat(open.status()).isEqualTo(DiscrepancyStatus.OPEN);
        assertThat(open.isOverdue(OVERDUE_AT.minusMillis(1))).isFalse();
        assertThat(open.isOverdue(OVERDUE_AT)).isTrue();
        assertThat(views.escalated(0, 10).total()).isZero();

        projection.on(overdue, 1);
        assertThat(views.ofOrganization("org-5", DiscrepancyStatus.OVERDUE, 0, 10).total()).isEqualTo(1);
        assertThat(views.escalated(0, 10).items()).extracting(DiscrepancyView::id).containsExactly("d-1");

        projection.on(answered, 2);
        projection.on(raised, 0);
        projection.on(overdue, 1);
        DiscrepancyView last = views.ofWorker("w-1", null, 0, 10).items().get(0);
        assertThat(last.status()).isEqualTo(DiscrepancyStatus.ANSWERED);
        assertThat(last.late()).isTrue();
        assertThat(last.escalated()).isTrue();
        assertThat(last.isOverdue(OVERDUE_AT.plusSeconds(3600))).isTrue();
        assertThat(last.explanation()).isEqualTo("Исправлено");
        assertThat(views.escalated(0, 10).total()).isEqualTo(1);
    }

    @Test
    void listsAreScopedAndPaged() {
        projection.on(raised("d-1", "org-5", "w-1"), 0);
        projection.on(raised("d-2", "org-5", "w-2"), 0);
        projection.on(raised("d-3", "org-6", "w-1"), 0);

        assertThat(views.ofWorker("w-1", null, 0, 10).items()).extracting(DiscrepancyView::id)
                .containsExactlyInAnyOrder("d-1", "d-3");
        assertThat(views.ofOrganization("org-5", DiscrepancyStatus.OPEN, 0, 10).items())
                .extracting(DiscrepancyView::id).containsExactlyInAnyOrder("d-1", "d-2");
        DiscrepancyViews.Page second = views.ofOrganization("org-5", null, 1, 1);
        assertThat(second.total()).isEqualTo(2);
        assertThat(second.items()).hasSize(1);
        assertThat(views.ofOrganization("org-5", DiscrepancyStatus.ANSWERED, 0, 10).total()).isZero();
    }
}
