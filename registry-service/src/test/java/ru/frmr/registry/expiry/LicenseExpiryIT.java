package ru.frmr.registry.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.frmr.registry.web.RegistryClient.randomSnils;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.infra.embedded.MutableClock;
import ru.frmr.registry.api.AccreditationEntry;
import ru.frmr.registry.api.AccreditationKind;
import ru.frmr.registry.api.ApproveProfileChangeCommand;
import ru.frmr.registry.api.CertificateEntry;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.LicenseExpiredEvent;
import ru.frmr.registry.api.LicenseExpiringSoonEvent;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.SubmitProfileChangeCommand;
import ru.frmr.registry.command.WorkerRegistration;
import ru.frmr.registry.consumer.KafkaTestEvents;

/**
 * Licence expiry end to end, with the real Kafka broker and Mongo wire server: a test clock moved across the
 * 90-, 30-, 7- and 0-day thresholds gets each notice onto Kafka exactly once, across a restart of the service
 * and with two instances of it sweeping at the same time.
 */
class LicenseExpiryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The day the licences enter the record; everything else is counted from it. */
    private static final LocalDate T0 = LocalDate.of(2031, 2, 3);
    private static final LocalDate CERTIFICATE_END = T0.plusDays(100);
    private static final LocalDate ACCREDITATION_END = T0.plusDays(95);

    private final MutableClock clock = new MutableClock(T0.atStartOfDay(ExpirySchedule.REGISTRY_ZONE)
            .toInstant());
    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
    private KafkaConsumer<String, byte[]> consumer;

    @BeforeEach
    void subscribe() {
        setMoscowMorningOf(T0);
        consumer = KafkaTestEvents.subscribe("license-expiry-it-", Topics.REGISTRY_EVENTS, Topics.PUBLIC_EVENTS);
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable c : running) {
            c.close();
        }
        consumer.close();
    }

    private RegistryReplica start(String name, String database) {
        RegistryReplica replica = RegistryReplica.start(name, database, clock);
        running.add(replica);
        return replica;
    }

    @Test
    void eachNoticeGoesOutOnceAcrossTheThresholdsAndARestart() {
        RegistryReplica first = start("replica-a", "registry_license_expiry_it");
        String worker = register(first);
        String certificate = approve(first, worker, new CertificateEntry("0177", "180012345",
                LocalDate.of(2026, 5, 20), CERTIFICATE_END, "31.08.36"));
        String accreditation = approve(first, worker, new AccreditationEntry(AccreditationKind.PERIODIC, "П-17",
                ACCREDITATION_END.minusYears(5), "31.08.49", null));
        awaitScheduled(first.mongo(), worker, 8);

        setMoscowMorningOf(T0.plusDays(10));
        awaitNotices(worker, Map.of(notice(certificate, 90), 1, notice(accreditation, 85), 1));
        setMoscowMorningOf(CERTIFICATE_END.minusDays(30));
        awaitNotices(worker, Map.of(notice(certificate, 30), 1, notice(accreditation, 25), 1));

        first.close();
        RegistryReplica restarted = start("replica-a", "registry_license_expiry_it");

        setMoscowMorningOf(CERTIFICATE_END.minusDays(7));
        awaitNotices(worker, Map.of(notice(certificate, 7), 1, notice(accreditation, 2), 1));
        setMoscowMorningOf(CERTIFICATE_END);
        awaitNotices(worker, Map.of(expired(certificate), 1, expired(accreditation), 1));

        awaitQuiet(worker, List.of(restarted));
        assertExactlyOnce(restarted.mongo(), worker, Map.of(
                notice(certificate, 90), 1, notice(certificate, 30), 1, notice(certificate, 7), 1,
                expired(certificate), 1,
                notice(accreditation, 85), 1, notice(accreditation, 25), 1, notice(accreditation, 2), 1,
                expired(accreditation), 1));
    }

    @Test
    void twoInstancesSweepingAtOnceEmitEachNoticeOnce() throws Exception {
        RegistryReplica a = start("replica-a", "registry_license_expiry_pair_it");
        RegistryReplica b = start("replica-b", "registry_license_expiry_pair_it");
        String worker = register(a);
        String certificate = approve(b, worker, new CertificateEntry("0177", "180054321",
                LocalDate.of(2026, 5, 20), CERTIFICATE_END, "31.08.36"));
        awaitScheduled(a.mongo(), worker, 4);

        for (int daysBefore : new int[] {90, 30, 7, 0}) {
            setMoscowMorningOf(CERTIFICATE_END.minusDays(daysBefore));
            // Besides their scheduled sweeps (one at a time under the lock), both replicas sweep at the very same
            // moment without it: the record alone must keep the notice single.
            sweepTogetherWithoutTheLock(a, b);
            awaitNotices(worker, Map.of(daysBefore == 0 ? expired(certificate) : notice(certificate, daysBefore), 1));
        }

        awaitQuiet(worker, List.of(a, b));
        assertExactlyOnce(a.mongo(), worker, Map.of(notice(certificate, 90), 1, notice(certificate, 30), 1,
                notice(certificate, 7), 1, expired(certificate), 1));
    }

    // --- the record ---

    private String register(RegistryReplica replica) {
        return replica.bean(WorkerRegistration.class).register("Кузнецова", "Ольга", null, LocalDate.of(1980, 1, 2),
                randomSnils(), "o@example.ru");
    }

    /** Submits and approves an addition to the record on the test clock's day; returns the entry id. */
    private String approve(RegistryReplica replica, String worker, RecordEntry entry) {
        String entryId = UUID.randomUUID().toString();
        String changeId = UUID.randomUUID().toString();
        replica.commands().sendAndWait(new SubmitProfileChangeCommand(worker, changeId, ChangeKind.ADD, entryId, entry,
                "account:" + worker, clock.instant()));
        replica.commands().sendAndWait(new ApproveProfileChangeCommand(worker, changeId, "account:admin",
                clock.instant()));
        return entryId;
    }

    private static void awaitScheduled(MongoTemplate mongo, String worker, int notices) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pendingNotices(mongo, worker))
                .isEqualTo(notices));
    }

    private static long pendingNotices(MongoTemplate mongo, String worker) {
        return mongo.getCollection(LicenseNotice.COLLECTION).countDocuments(
                new Document("workerId", worker).append("state", NoticeState.PENDING.name()));
    }

    private static void sweepTogetherWithoutTheLock(RegistryReplica a, RegistryReplica b) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> awaitThen(start, a.sweeper()));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> awaitThen(start, b.sweeper()));
        CompletableFuture.allOf(first, second).get();
    }

    private static void awaitThen(CyclicBarrier barrier, LicenseNoticeSweeper sweeper) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        sweeper.issueDueNotices();
    }

    // --- what arrives on Kafka ---

    /** A notice as seen on Kafka: type, licence, days left (0 for the expiry) and topic. */
    private record Seen(String type, String licenseId, int daysLeft, String topic) {
    }

    private static Seen notice(String licenseId, int daysLeft) {
        return new Seen(EventTypes.LICENSE_EXPIRING_SOON, licenseId, daysLeft, Topics.REGISTRY_EVENTS);
    }

    private static Seen expired(String licenseId) {
        return new Seen(EventTypes.LICENSE_EXPIRED, licenseId, 0, Topics.REGISTRY_EVENTS);
    }

    private void awaitNotices(String worker, Map<Seen, Integer> expected) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            poll();
            Map<Seen, Long> seen = notices(worker);
            expected.forEach((notice, count) -> assertThat(seen.getOrDefault(notice, 0L)).as(notice.toString())
                    .isEqualTo(count.longValue()));
        });
    }

    /**
     * Waits until nothing more can come: every notice of the worker is settled, each running replica has swept
     * twice more since (a chance to send a duplicate), and a later event of the worker has come through the
     * relay, which publishes in event-store order.
     */
    private void awaitQuiet(String worker, List<RegistryReplica> replicas) {
        MongoTemplate mongo = replicas.get(0).mongo();
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingNotices(mongo, worker) == 0);
        double sweeps = replicas.stream().mapToDouble(RegistryReplica::sweeps).sum();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> replicas.stream().mapToDouble(RegistryReplica::sweeps).sum() >= sweeps + 2);
        replicas.get(0).bean(WorkerRegistration.class).updateContacts(worker, "marker@example.ru", null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            poll();
            assertThat(received.stream().map(LicenseExpiryIT::cloudEvent)).anySatisfy(e -> {
                assertThat(e.getSubject()).isEqualTo(worker);
                assertThat(e.getType()).isEqualTo(EventTypes.PROFILE_UPDATED);
            });
        });
    }

    private void assertExactlyOnce(MongoTemplate mongo, String worker, Map<Seen, Integer> expected) {
        Map<Seen, Long> onRegistryTopic = notices(worker).entrySet().stream()
                .filter(e -> e.getKey().topic().equals(Topics.REGISTRY_EVENTS))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(onRegistryTopic).isEqualTo(expected.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().longValue())));

        // Outside subscribers get the expiries (a public contract), never the internal reminders.
        Map<Seen, Long> expectedPublic = expected.keySet().stream()
                .filter(s -> s.type().equals(EventTypes.LICENSE_EXPIRED))
                .collect(Collectors.toMap(s -> new Seen(s.type(), s.licenseId(), 0, Topics.PUBLIC_EVENTS), s -> 1L));
        Map<Seen, Long> onPublicTopic = notices(worker).entrySet().stream()
                .filter(e -> e.getKey().topic().equals(Topics.PUBLIC_EVENTS))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(onPublicTopic).isEqualTo(expectedPublic);

        for (ConsumerRecord<String, byte[]> r : received) {
            CloudEvent e = cloudEvent(r);
            if (worker.equals(e.getSubject()) && isNotice(e.getType())) {
                assertThat(ContractSchemas.violations(e.getType(), e.getData().toBytes())).as(e.getType()).isEmpty();
                assertThat(r.key()).isEqualTo(worker);
            }
        }

        long expiringSoon = expected.keySet().stream()
                .filter(s -> s.type().equals(EventTypes.LICENSE_EXPIRING_SOON)).count();
        assertThat(storedEvents(mongo, worker, LicenseExpiringSoonEvent.class)).isEqualTo(expiringSoon);
        assertThat(storedEvents(mongo, worker, LicenseExpiredEvent.class)).isEqualTo(expected.size() - expiringSoon);
    }

    private static long storedEvents(MongoTemplate mongo, String worker, Class<?> type) {
        return mongo.getCollection("domainevents").countDocuments(
                new Document("aggregateIdentifier", worker).append("payloadType", type.getName()));
    }

    private Map<Seen, Long> notices(String worker) {
        return received.stream()
                .filter(r -> {
                    CloudEvent e = cloudEvent(r);
                    return worker.equals(e.getSubject()) && isNotice(e.getType());
                })
                .map(LicenseExpiryIT::seen)
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }

    private static boolean isNotice(String type) {
        return EventTypes.LICENSE_EXPIRING_SOON.equals(type) || EventTypes.LICENSE_EXPIRED.equals(type);
    }

    private static Seen seen(ConsumerRecord<String, byte[]> r) {
        CloudEvent e = cloudEvent(r);
        try {
            JsonNode data = JSON.readTree(e.getData().toBytes());
            return new Seen(e.getType(), data.get("licenseId").asText(), data.path("daysLeft").asInt(0), r.topic());
        } catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static CloudEvent cloudEvent(ConsumerRecord<String, byte[]> r) {
        return KafkaMessageFactory.createReader(r).toEvent();
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
    }

    /** Moves the shared test clock to 09:00 Moscow time of {@code day}. */
    private void setMoscowMorningOf(LocalDate day) {
        clock.set(day.atTime(9, 0).atZone(ExpirySchedule.REGISTRY_ZONE).toInstant());
    }
}
