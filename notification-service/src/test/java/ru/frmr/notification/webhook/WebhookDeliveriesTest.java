package ru.frmr.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.infra.embedded.EmbeddedMongo;
import ru.frmr.notification.webhook.WebhookDelivery.DeliveryStatus;

/**
 * The delivery store against the Mongo wire server, with two "replicas" (two stores on one database): one delivery
 * per (subscription, event), one claim per attempt, a lease that runs out after a replica died, and a late answer of
 * a stale attempt that changes nothing.
 */
class WebhookDeliveriesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

    private static EmbeddedMongo server;
    private static MongoClient client;
    private static WebhookDeliveries replicaA;
    private static WebhookDeliveries replicaB;

    @BeforeAll
    static void start() {
        server = EmbeddedMongo.inMemory();
        client = MongoClients.create(server.connectionString());
        MongoTemplate mongo = new MongoTemplate(client, "webhook_deliveries_test");
        replicaA = new WebhookDeliveries(mongo);
        replicaB = new WebhookDeliveries(new MongoTemplate(client, "webhook_deliveries_test"));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void anEventIsQueuedOncePerSubscriptionWithAStableWebhookId() {
        String id = WebhookDeliveries.deliveryId("ws-aaaaaaaaaaaaaaaa", "e-1");

        assertThat(replicaA.enqueue(id, "ws-aaaaaaaaaaaaaaaa", "e-1", "t", T0)).isTrue();
        assertThat(replicaB.enqueue(id, "ws-aaaaaaaaaaaaaaaa", "e-1", "t", T0)).isFalse();
        assertThat(WebhookDeliveries.deliveryId("ws-aaaaaaaaaaaaaaaa", "e-1")).isEqualTo(id);
        assertThat(WebhookDeliveries.replayDeliveryId("ws-aaaaaaaaaaaaaaaa", "e-1", "r-1")).isNotEqualTo(id)
                .isEqualTo(WebhookDeliveries.replayDeliveryId("ws-aaaaaaaaaaaaaaaa", "e-1", "r-1"));
        assertThat(WebhookDeliveries.webhookId("3f0c9a3e-8a0e-4c55-9f3b-3f7f0f6a2b11"))
                .isEqualTo("msg_3f0c9a3e-8a0e-4c55-9f3b-3f7f0f6a2b11");
        assertThat(WebhookDeliveries.webhookId("a.b")).startsWith("msg_").doesNotContain(".")
                .isEqualTo(WebhookDeliveries.webhookId("a.b"));
    }

    @Test
    void oneReplicaClaimsAnAttemptAndALeaseLeftByADeadReplicaRunsOut() {
        String id = WebhookDeliveries.deliveryId("ws-bbbbbbbbbbbbbbbb", "e-2");
        replicaA.enqueue(id, "ws-bbbbbbbbbbbbbbbb", "e-2", "t", T0);

        WebhookDelivery claimed = replicaA.claim(id, T0, T0.plus(LEASE)).orElseThrow();
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(claimed.firstAttemptAt()).isEqualTo(T0);
        assertThat(replicaB.claim(id, T0.plusSeconds(1), T0.plus(LEASE))).isEmpty();
        assertThat(replicaB.due(T0.plusSeconds(1), Set.of(), 10)).extracting(WebhookDelivery::deliveryId)
                .doesNotContain(id);

        // Replica A died holding the claim: after the lease B attempts again, and A's late answer is dropped.
        Instant later = T0.plus(LEASE).plusSeconds(1);
        WebhookDelivery again = replicaB.claim(id, later, later.plus(LEASE)).orElseThrow();
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(again.firstAttemptAt()).isEqualTo(T0);
        replicaA.delivered(claimed, 200, later);
        assertThat(status("ws-bbbbbbbbbbbbbbbb", id)).isEqualTo(DeliveryStatus.PENDING);

        replicaB.delivered(again, 204, later);
        WebhookDelivery done = replicaA.page("ws-bbbbbbbbbbbbbbbb", 0, 10).items().get(0);
        assertThat(done.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(done.lastStatusCode()).isEqualTo(204);
        assertThat(done.nextAttemptAt()).isNull();
    }

    @Test
    void aFailedAttemptWaitsForItsNextTimeAndCancellingStopsWhatIsPending() {
        String id = WebhookDeliveries.deliveryId("ws-cccccccccccccccc", "e-3");
        replicaA.enqueue(id, "ws-cccccccccccccccc", "e-3", "t", T0);
        WebhookDelivery claimed = replicaA.claim(id, T0, T0.plus(LEASE)).orElseThrow();

        replicaA.retryAt(claimed, 500, null, T0.plusSeconds(5));

        assertThat(replicaB.claim(id, T0.plusSeconds(4), T0.plus(LEASE))).isEmpty();
        assertThat(replicaB.due(T0.plusSeconds(5), Set.of(), 10)).extracting(WebhookDelivery::deliveryId)
                .contains(id);
        assertThat(replicaA.cancelPending("ws-cccccccccccccccc", "disabled")).isEqualTo(1);
        assertThat(replicaB.claim(id, T0.plusSeconds(6), T0.plus(LEASE))).isEmpty();
        assertThat(status("ws-cccccccccccccccc", id)).isEqualTo(DeliveryStatus.CANCELLED);
    }

    private static DeliveryStatus status(String subscriptionId, String id) {
        return replicaA.page(subscriptionId, 0, 100).items().stream().filter(d -> d.deliveryId().equals(id))
                .findFirst().orElseThrow().status();
    }
}
