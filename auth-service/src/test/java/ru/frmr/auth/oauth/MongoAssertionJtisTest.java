package ru.frmr.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.auth.MutableClock;
import ru.frmr.auth.TestMongo;

/** A jti is good once across replicas (two stores on one database), and kept only until its assertion expired. */
class MongoAssertionJtisTest {

    private static final TestMongo MONGO = new TestMongo();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final MongoTemplate database = MONGO.template("jtis_" + System.nanoTime());

    @AfterAll
    static void close() {
        MONGO.close();
    }

    @Test
    void twoReplicasGivenTheSameAssertionAtOnceAcceptItOnce() throws Exception {
        MongoAssertionJtis one = new MongoAssertionJtis(database, clock);
        MongoAssertionJtis other = new MongoAssertionJtis(database, clock);
        Instant expires = clock.instant().plusSeconds(60);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                MongoAssertionJtis replica = i % 2 == 0 ? one : other;
                attempts.add(() -> replica.firstUse("cl-a", "jti-1", expires));
            }
            int accepted = 0;
            for (Future<Boolean> result : threads.invokeAll(attempts)) {
                accepted += result.get() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        // The same jti of another client is that client's own.
        assertThat(other.firstUse("cl-b", "jti-1", expires)).isTrue();
    }

    @Test
    void theSweepDropsOnlyExpiredIds() {
        MongoAssertionJtis jtis = new MongoAssertionJtis(database, clock);
        jtis.firstUse("cl-a", "old", clock.instant().plusSeconds(30));
        jtis.firstUse("cl-a", "new", clock.instant().plusSeconds(300));
        clock.advance(Duration.ofMinutes(1));

        jtis.purgeExpired();

        assertThat(database.getCollection(MongoAssertionJtis.COLLECTION).countDocuments()).isEqualTo(1);
        assertThat(jtis.firstUse("cl-a", "new", clock.instant().plusSeconds(300))).isFalse();
    }
}
