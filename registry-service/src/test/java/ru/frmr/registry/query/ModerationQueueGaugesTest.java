package ru.frmr.registry.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import ru.frmr.infra.embedded.EmbeddedMongo;
import ru.frmr.infra.embedded.MutableClock;

/** The moderation queue's gauges over the Mongo wire server: they follow the queue and the clock. */
class ModerationQueueGaugesTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private static EmbeddedMongo server;
    private static MongoClient client;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(T0);
    private MongoTemplate mongo;

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
        mongo = new MongoTemplate(client, "moderation_" + UUID.randomUUID().toString().substring(0, 8));
        new ModerationQueueGauges(new ProfileChangeQueries(mongo), clock).bindTo(registry);
    }

    @Test
    void anEmptyQueueIsZeroAndZeroOld() {
        assertThat(size().value()).isZero();
        assertThat(oldest().value()).isZero();
        assertThat(oldest().getId().getBaseUnit()).isEqualTo("seconds");
    }

    @Test
    void theQueueCountsPendingChangesAndAgesByTheOldest() {
        submit("ch-1", T0.minus(Duration.ofHours(2)), ChangeStatus.PENDING);
        submit("ch-2", T0.minus(Duration.ofMinutes(30)), ChangeStatus.PENDING);
        submit("ch-3", T0.minus(Duration.ofDays(3)), ChangeStatus.APPROVED);

        assertThat(size().value()).isEqualTo(2);
        assertThat(oldest().value()).isEqualTo(Duration.ofHours(2).toSeconds());

        mongo.updateFirst(Query.query(Criteria.where("_id").is("ch-1")), Update.update("status", ChangeStatus.REJECTED),
                ProfileChangeView.class);
        clock.advance(Duration.ofSeconds(10));
        assertThat(size().value()).isEqualTo(1);
        assertThat(oldest().value()).isEqualTo(Duration.ofMinutes(30).plusSeconds(10).toSeconds());
    }

    private Gauge size() {
        return registry.get(ModerationQueueGauges.SIZE).gauge();
    }

    private Gauge oldest() {
        return registry.get(ModerationQueueGauges.OLDEST).gauge();
    }

    private void submit(String changeId, Instant at, ChangeStatus status) {
        mongo.insert(new ProfileChangeView(changeId, "w-1", null, null, null, null, status, "a-1", at, null, null,
                null));
    }
}
