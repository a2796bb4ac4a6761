package ru.frmr.registry.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.LocalDate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.registry.api.CertificateEntry;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.ProfileChangeSubmittedEvent;
import ru.frmr.registry.api.RecordSection;

/** The moderation read models against the Mongo wire server, fed directly: re-deliveries change nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModerationProjectionsIT {

    private static final String DB = "registry_moderation_projections_it";
    private static final Instant AT = Instant.parse("2026-03-10T09:00:00Z");
    private static final CertificateEntry CERTIFICATE = new CertificateEntry("0177", "180012345",
            LocalDate.of(2021, 5, 20), LocalDate.of(2026, 5, 20), "31.08.36");
    private static final ProfileChangeSubmittedEvent SUBMITTED = new ProfileChangeSubmittedEvent("w-1", "c-1",
            ChangeKind.ADD, RecordSection.CERTIFICATES, "e-1", CERTIFICATE, "account:worker", AT);
    private static final ProfileChangeApprovedEvent APPROVED = new ProfileChangeApprovedEvent("w-1", "c-1",
            ChangeKind.ADD, RecordSection.CERTIFICATES, "e-1", CERTIFICATE, "account:admin", AT.plusSeconds(60), 2);

    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeAll
    void connect() {
        client = MongoClients.create(SharedTestInfra.get().mongoUri(DB));
        mongo = new MongoTemplate(client, DB);
    }

    @AfterAll
    void disconnect() {
        client.close();
    }

    @BeforeEach
    void clean() {
        mongo.remove(new Query(), ProfileChangeView.class);
        mongo.remove(new Query(), JournalEntryView.class);
    }

    @Test
    void aSubmissionDeliveredAgainAfterTheDecisionDoesNotReopenTheChange() {
        ProfileChangeProjection projection = new ProfileChangeProjection(mongo);
        projection.on(SUBMITTED);
        projection.on(APPROVED);
        projection.on(SUBMITTED);

        ProfileChangeQueries queries = new ProfileChangeQueries(mongo);
        ProfileChangeView view = queries.byId("c-1").orElseThrow();
        assertThat(view.status()).isEqualTo(ChangeStatus.APPROVED);
        assertThat(view.decidedBy()).isEqualTo("account:admin");
        assertThat(view.entry()).isEqualTo(CERTIFICATE);
        assertThat(queries.pendingCount("w-1")).isZero();
    }

    @Test
    void theJournalHoldsOneLinePerEventWhateverTheDeliveries() {
        ChangeJournalProjection projection = new ChangeJournalProjection(mongo);
        projection.on(SUBMITTED, "event-1");
        projection.on(SUBMITTED, "event-1");
        projection.on(APPROVED, "event-2");

        assertThat(new ChangeJournalQueries(mongo).ofWorker("w-1"))
                .extracting(JournalEntryView::action, JournalEntryView::actor)
                .containsExactly(tuple("SUBMITTED", "account:worker"), tuple("APPROVED", "account:admin"));
    }
}
