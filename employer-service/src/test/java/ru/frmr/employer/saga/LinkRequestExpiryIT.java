package ru.frmr.employer.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.employer.TestOrganizations;
import ru.frmr.employer.api.LinkInitiator;
import ru.frmr.employer.api.LinkRequestExpiredEvent;
import ru.frmr.employer.command.StaffMemberships;
import ru.frmr.infra.embedded.MutableClock;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;

/**
 * Link request expiry on the real Mongo wire server and broker: a test clock moved across the deadline expires
 * each unanswered request exactly once, across a restart of the service and with two instances sweeping at the
 * same moment; an answered request never expires.
 */
class LinkRequestExpiryIT {

    private static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();
    private static final Instant T0 = Instant.parse("2026-04-01T07:00:00Z");
    private static final Duration EXPIRE_AFTER = Duration.ofDays(14);

    private final MutableClock clock = new MutableClock(T0);
    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable c : running) {
            c.close();
        }
    }

    private EmployerReplica start(String name, String database) {
        EmployerReplica replica = EmployerReplica.start(name, database, clock, ISSUER);
        running.add(replica);
        return replica;
    }

    @Test
    void unansweredRequestsExpireOnceAcrossARestart() {
        String database = "employer_link_expiry_it_" + UUID.randomUUID().toString().substring(0, 8);
        EmployerReplica first = start("replica-a", database);
        StaffMemberships memberships = first.bean(StaffMemberships.class);
        String unanswered = request(memberships, UUID.randomUUID().toString());
        String alsoUnanswered = request(memberships, UUID.randomUUID().toString());
        String acceptedWorker = UUID.randomUUID().toString();
        String accepted = request(memberships, acceptedWorker);
        memberships.accept(TestOrganizations.ORG_A, acceptedWorker, accepted, LinkInitiator.WORKER);
        awaitDeadlines(first.mongo(), 3);

        // A day before the deadline: the sweeps find nothing due.
        clock.set(T0.plus(EXPIRE_AFTER).minus(Duration.ofDays(1)));
        awaitSweeps(List.of(first), 2);
        assertThat(expiries(first.mongo())).isEmpty();

        first.close();
        running.remove(first);
        EmployerReplica restarted = start("replica-a", database);

        clock.set(T0.plus(EXPIRE_AFTER).plusSeconds(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> expiries(restarted.mongo()).size() == 2);
        awaitSweeps(List.of(restarted), 3);

        assertThat(expiries(restarted.mongo())).isEqualTo(Map.of(unanswered, 1L, alsoUnanswered, 1L));
        awaitStatus(restarted.mongo(), unanswered, "EXPIRED");
        awaitStatus(restarted.mongo(), alsoUnanswered, "EXPIRED");
        awaitStatus(restarted.mongo(), accepted, "ACCEPTED");
        assertThat(unsettled(restarted.mongo())).isZero();
    }

    @Test
    void twoInstancesSweepingAtOnceExpireEachRequestOnce() throws Exception {
        String database = "employer_link_expiry_pair_it_" + UUID.randomUUID().toString().substring(0, 8);
        EmployerReplica a = start("replica-a", database);
        EmployerReplica b = start("replica-b", database);
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            requests.add(request((i % 2 == 0 ? a : b).bean(StaffMemberships.class), UUID.randomUUID().toString()));
        }
        awaitDeadlines(a.mongo(), 5);

        clock.set(T0.plus(EXPIRE_AFTER));
        // Besides their scheduled sweeps (one at a time under the lock), both sweep at the very same moment without
        // it: the membership alone must keep each expiry single.
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> sweepAfter(together, a.linkSweeper()));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> sweepAfter(together, b.linkSweeper()));
        CompletableFuture.allOf(first, second).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> expiries(a.mongo()).size() == 5);
        awaitSweeps(List.of(a, b), 3);
        assertThat(expiries(a.mongo())).isEqualTo(requests.stream()
                .collect(Collectors.toMap(r -> r, r -> 1L)));
    }

    // --- helpers ---

    private static String request(StaffMemberships memberships, String workerId) {
        return memberships.requestLink(TestOrganizations.ORG_A, workerId, LinkInitiator.EMPLOYER, null, null)
                .requestId();
    }

    private static void sweepAfter(CyclicBarrier barrier, LinkRequestExpirySweeper sweeper) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        sweeper.expireDueRequests();
    }

    /** Expiry events in the event store, by request id. */
    private static Map<String, Long> expiries(MongoTemplate mongo) {
        List<String> ids = new ArrayList<>();
        mongo.getCollection("domainevents")
                .find(new Document("payloadType", LinkRequestExpiredEvent.class.getName()))
                .forEach(d -> ids.add(requestIdOf(d.get("serializedPayload"))));
        return ids.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    }

    private static String requestIdOf(Object payload) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(String.valueOf(payload))
                    .get("requestId").asText();
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable stored payload", e);
        }
    }

    private static void awaitDeadlines(MongoTemplate mongo, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection(LinkRequestDeadline.COLLECTION)
                .countDocuments() == count);
    }

    private static long unsettled(MongoTemplate mongo) {
        return mongo.getCollection(LinkRequestDeadline.COLLECTION).countDocuments(new Document("settled", false));
    }

    private static void awaitSweeps(List<EmployerReplica> replicas, int more) {
        double sweeps = replicas.stream().mapToDouble(EmployerReplica::linkSweeps).sum();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> replicas.stream().mapToDouble(EmployerReplica::linkSweeps).sum() >= sweeps + more);
    }

    private static void awaitStatus(MongoTemplate mongo, String requestId, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Document view = mongo.getCollection("link_requests").find(new Document("_id", requestId)).first();
            return view != null && status.equals(view.getString("status"));
        });
    }
}
