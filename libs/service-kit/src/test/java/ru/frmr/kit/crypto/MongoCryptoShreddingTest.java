package ru.frmr.kit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.infra.embedded.MutableClock;
import ru.frmr.infra.embedded.SharedTestInfra;

/**
 * Two "replicas" (each its own Mongo client, store and cache) over one key collection on the in-memory Mongo
 * wire server.
 */
class MongoCryptoShreddingTest {

    private static final String SNILS = "112-233-445 95";

    private final String database = "crypto_" + UUID.randomUUID().toString().replace("-", "");
    private final String masterKey = TestKeys.randomMasterKey();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<MongoClient> clients = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private MongoTemplate inspector;

    @AfterEach
    void close() {
        pool.shutdownNow();
        clients.forEach(MongoClient::close);
    }

    private MongoTemplate template() {
        MongoClient client = MongoClients.create(SharedTestInfra.get().mongoUri(database));
        clients.add(client);
        return new MongoTemplate(client, database);
    }

    private PersonalDataCipher replica(Duration cacheTtl) {
        return replica(new MasterKeyRing("mk-1", masterKey, Map.of()), cacheTtl);
    }

    private PersonalDataCipher replica(MasterKeyRing masterKeys, Duration cacheTtl) {
        return new AesGcmPersonalDataCipher(masterKeys, new MongoDataKeyStore(template(), clock), clock, cacheTtl,
                1000);
    }

    @Test
    void replicasRacingToCreateASubjectsKeyEndWithOneKeyAndReadEachOther() throws Exception {
        PersonalDataCipher a = replica(Duration.ofSeconds(30));
        PersonalDataCipher b = replica(Duration.ofSeconds(30));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> fromA = new ArrayList<>();
        List<Future<String>> fromB = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String value = "value-" + i;
            fromA.add(pool.submit(awaiting(start, () -> a.encrypt("w-race", "A " + value))));
            fromB.add(pool.submit(awaiting(start, () -> b.encrypt("w-race", "B " + value))));
        }
        start.countDown();

        for (int i = 0; i < 4; i++) {
            assertThat(b.decrypt("w-race", fromA.get(i).get(10, TimeUnit.SECONDS))).contains("A value-" + i);
            assertThat(a.decrypt("w-race", fromB.get(i).get(10, TimeUnit.SECONDS))).contains("B value-" + i);
        }
        assertThat(keys().countDocuments(Filters.eq("_id", "w-race"))).isEqualTo(1);
        Document stored = keys().find(Filters.eq("_id", "w-race")).first();
        assertThat(stored.getString("masterKeyId")).isEqualTo("mk-1");
        assertThat(stored.get("generation", Number.class).longValue()).isEqualTo(1);
    }

    @Test
    void aShredOnOneReplicaMakesTheSubjectUnreadableOnBothWithinTheCacheTtl() {
        PersonalDataCipher a = replica(Duration.ofSeconds(30));
        PersonalDataCipher b = replica(Duration.ofSeconds(30));
        PersonalDataCipher uncached = replica(Duration.ZERO);
        String snils = a.encrypt("w-gone", SNILS);
        String phone = b.encrypt("w-gone", "+7 900 000-00-00");
        String otherA = a.encrypt("w-kept", SNILS);
        String otherB = b.encrypt("w-kept", "kept@example.org");
        assertThat(b.decrypt("w-gone", snils)).contains(SNILS);
        assertThat(uncached.decrypt("w-gone", phone)).contains("+7 900 000-00-00");

        a.shred("w-gone");

        // The shredding replica and one without a cache see it at once.
        assertThat(a.decrypt("w-gone", snils)).isEmpty();
        assertThat(a.decrypt("w-gone", phone)).isEmpty();
        assertThat(uncached.decrypt("w-gone", snils)).isEmpty();
        // The other replica trusts its cached key until the TTL runs out, then reads the tombstone.
        clock.advance(Duration.ofSeconds(30));
        assertThat(b.decrypt("w-gone", snils)).isEmpty();
        assertThat(b.decrypt("w-gone", phone)).isEmpty();
        assertThatThrownBy(() -> b.encrypt("w-gone", SNILS)).isInstanceOf(SubjectShreddedException.class);
        assertThatThrownBy(() -> a.encrypt("w-gone", SNILS)).isInstanceOf(SubjectShreddedException.class);

        for (PersonalDataCipher replica : List.of(a, b, uncached)) {
            assertThat(replica.decrypt("w-kept", otherA)).contains(SNILS);
            assertThat(replica.decrypt("w-kept", otherB)).contains("kept@example.org");
        }
        Document tombstone = keys().find(Filters.eq("_id", "w-gone")).first();
        assertThat(tombstone).doesNotContainKeys("wrappedKey", "masterKeyId").containsKey("shreddedAt");
        assertThat(keys().countDocuments()).isEqualTo(2);
    }

    @Test
    void shreddingIsIdempotentAndWorksForASubjectNeverSeen() {
        PersonalDataCipher a = replica(Duration.ofSeconds(30));
        a.shred("w-unknown");
        a.shred("w-unknown");

        assertThat(keys().find(Filters.eq("_id", "w-unknown")).first().get("generation", Number.class).longValue())
                .isZero();
        assertThatThrownBy(() -> replica(Duration.ZERO).encrypt("w-unknown", SNILS))
                .isInstanceOf(SubjectShreddedException.class);
    }

    @Test
    void aReinstatedSubjectGetsANewGenerationSeenByTheOtherReplica() {
        PersonalDataCipher a = replica(Duration.ofSeconds(30));
        PersonalDataCipher b = replica(Duration.ofSeconds(30));
        String old = a.encrypt("w-back", SNILS);
        a.shred("w-back");
        assertThat(b.decrypt("w-back", old)).isEmpty();

        a.reinstate("w-back");
        String fresh = a.encrypt("w-back", "new");

        assertThat(fresh).startsWith("pd1:2:");
        assertThat(b.decrypt("w-back", fresh)).contains("new");
        assertThat(b.decrypt("w-back", old)).isEmpty();
        assertThat(b.decrypt("w-back", b.encrypt("w-back", "from b"))).contains("from b");
    }

    @Test
    void aRotatedMasterKeyRewrapsLiveKeysOnFirstUseAndLeavesTombstonesAlone() {
        PersonalDataCipher before = replica(Duration.ZERO);
        String kept = before.encrypt("w-live", SNILS);
        String gone = before.encrypt("w-shredded", SNILS);
        before.shred("w-shredded");

        String newMaster = TestKeys.randomMasterKey();
        PersonalDataCipher rotated = replica(new MasterKeyRing("mk-2", newMaster, Map.of("mk-1", masterKey)),
                Duration.ZERO);
        assertThat(rotated.decrypt("w-live", kept)).contains(SNILS);
        assertThat(rotated.decrypt("w-shredded", gone)).isEmpty();

        assertThat(keys().find(Filters.eq("_id", "w-live")).first().getString("masterKeyId")).isEqualTo("mk-2");
        assertThat(keys().find(Filters.eq("_id", "w-shredded")).first()).doesNotContainKeys("wrappedKey");
        PersonalDataCipher retired = replica(new MasterKeyRing("mk-2", newMaster, Map.of()), Duration.ZERO);
        assertThat(retired.decrypt("w-live", kept)).contains(SNILS);
    }

    private MongoCollection<Document> keys() {
        if (inspector == null) {
            inspector = template();
        }
        return inspector.getCollection(MongoDataKeyStore.COLLECTION);
    }

    private static <T> Callable<T> awaiting(CountDownLatch start, Callable<T> task) {
        return () -> {
            start.await();
            return task.call();
        };
    }
}
