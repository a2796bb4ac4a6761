package ru.frmr.notification.webhook;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.kit.deadline.DeadlineSweeper;
import ru.frmr.kit.deadline.DueItems;
import ru.frmr.notification.webhook.PublicEventLog.StoredEvent;
import ru.frmr.notification.webhook.Subscription.SubscriptionStatus;
import ru.frmr.notification.webhook.TargetUrlPolicy.RefusedTargetException;

/**
 * Sends the webhook deliveries due ({@link DeadlineSweeper}: one replica at a time under a ShedLock lock, though any
 * number would be safe: each attempt is claimed with a lease first). For each: a subscription gone or disabled
 * cancels it, and so does its agency's revocation; an open breaker of its host leaves it due and uncounted; otherwise the URL is checked again (what a
 * name resolves to changes), the attempt is claimed, signed with this attempt's timestamp and sent. 2xx: DELIVERED;
 * 410 Gone: the subscription is disabled and its pending deliveries cancelled; anything else (3xx included, since
 * redirects are not followed), a timeout or a refused URL: tried again on the retry schedule until its budget from
 * the first attempt is spent, then FAILED. Outcomes are counted in {@code frmr.notification.webhook.deliveries}.
 */
public class WebhookSweeper implements DueItems<WebhookDelivery> {

    static final String LOCK_NAME = "notification-webhook-sweep";
    static final String DELIVERIES = "frmr.notification.webhook.deliveries";
    /** Every {@code outcome} of {@link #DELIVERIES}. */
    static final List<String> OUTCOMES = List.of("delivered", "retried", "failed", "gone", "cancelled");
    static final String GONE_REASON = "the receiver answered 410 Gone";
    private static final Logger log = LoggerFactory.getLogger(WebhookSweeper.class);

    private final WebhookDeliveries deliveries;
    private final Subscriptions subscriptions;
    private final RevokedAgencies revoked;
    private final PublicEventLog events;
    private final PersonalDataCipher cipher;
    private final WebhookSigner signer;
    private final TargetUrlPolicy targets;
    private final WebhookTransport transport;
    private final HostBreakers breakers;
    private final RetrySchedule schedule;
    private final WebhookProperties settings;
    private final MeterRegistry meters;
    private final Clock clock;
    private final DeadlineSweeper<WebhookDelivery> sweeper;

    WebhookSweeper(WebhookDeliveries deliveries, Subscriptions subscriptions, RevokedAgencies revoked,
                   PublicEventLog events,
                   PersonalDataCipher cipher, WebhookSigner signer, TargetUrlPolicy targets,
                   WebhookTransport transport, HostBreakers breakers, WebhookProperties settings, Clock clock,
                   LockProvider locks, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.revoked = revoked;
        this.events = events;
        this.cipher = cipher;
        this.signer = signer;
        this.targets = targets;
        this.transport = transport;
        this.breakers = breakers;
        this.schedule = settings.schedule();
        this.settings = settings;
        this.meters = meters;
        // At 0 from startup for every outcome, so that rate() and increase() have series before the first delivery.
        for (String outcome : OUTCOMES) {
            meters.counter(DELIVERIES, "outcome", outcome);
        }
        this.clock = clock;
        this.sweeper = new DeadlineSweeper<>(LOCK_NAME, this, "Webhook delivery {} not settled",
                "frmr.notification.webhook_sweeps", clock, locks, settings.lockAtMostFor(), meters);
    }

    /** One sweep, unless another replica is sweeping right now. */
    public void sweep() {
        sweeper.sweep();
    }

    @Override
    public List<WebhookDelivery> due(Instant now, Set<String> passOver, int batch) {
        return deliveries.due(now, passOver, batch);
    }

    @Override
    public String id(WebhookDelivery delivery) {
        return delivery.deliveryId();
    }

    @Override
    public boolean settle(WebhookDelivery due, Instant now) {
        Optional<Subscription> subscription = subscriptions.find(due.subscriptionId());
        if (subscription.isEmpty() || subscription.get().status() != SubscriptionStatus.ACTIVE) {
            deliveries.cancelPending(due.subscriptionId(), "the subscription is disabled or deleted");
            count("cancelled");
            return true;
        }
        // A subscription enabled or created before its agency's revocation reached this service is not sent to.
        if (revoked.isRevoked(subscription.get().agencyId())) {
            deliveries.cancelPending(due.subscriptionId(), AgencyEventsHandler.REVOKED_REASON);
            count("cancelled");
            return true;
        }
        Optional<StoredEvent> event = events.find(due.eventId());
        URI target;
        try {
            target = targets.check(subscription.get().url());
        } catch (RefusedTargetException refused) {
            return attemptWithout(due, now, "url refused: " + refused.getMessage());
        }
        CircuitBreaker breaker = breakers.of(target.getHost());
        if (!breaker.tryAcquirePermission()) {
            return false;
        }
        Optional<WebhookDelivery> claimed = deliveries.claim(due.deliveryId(), now, now.plus(settings.claimLease()));
        if (claimed.isEmpty() || event.isEmpty()) {
            breaker.releasePermission();
            if (claimed.isPresent()) {
                deliveries.failed(claimed.get(), null, "the event is no longer stored");
                count("failed");
                return true;
            }
            return false;
        }
        return send(claimed.get(), subscription.get(), event.get(), target, breaker, now);
    }

    private boolean send(WebhookDelivery delivery, Subscription subscription, StoredEvent event, URI target,
                         CircuitBreaker breaker, Instant now) {
        Optional<String> secret = cipher.open(Subscription.secretSubject(subscription.subscriptionId()),
                subscription.sealedSecret());
        if (secret.isEmpty()) {
            breaker.releasePermission();
            deliveries.cancelled(delivery, null, "the subscription's secret is gone");
            count("cancelled");
            return true;
        }
        byte[] body = event.body().getBytes(StandardCharsets.UTF_8);
        // The time of this attempt, not of the sweep's start: a long batch must not send stale timestamps that a
        // receiver's tolerance (typically 5 minutes) refuses.
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("webhook-id", delivery.webhookId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signer.signatures(secret.get(), delivery.webhookId(), timestamp, body));
        long started = System.nanoTime();
        int status;
        try {
            status = transport.post(target, headers, body);
        } catch (IOException | RuntimeException e) {
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
            // By the exception's type only: its message may carry the agency's address details.
            return retryOrFail(delivery, null, e.getClass().getSimpleName(), now);
        }
        long took = System.nanoTime() - started;
        if (status >= 500 || status == 429) {
            breaker.onError(took, TimeUnit.NANOSECONDS, new IOException("HTTP " + status));
        } else {
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
        }
        if (status >= 200 && status < 300) {
            deliveries.delivered(delivery, status, now);
            count("delivered");
            return true;
        }
        if (status == 410) {
            gone(delivery, subscription);
            return true;
        }
        return retryOrFail(delivery, status, status >= 300 && status < 400 ? "redirect not followed" : null, now);
    }

    private void gone(WebhookDelivery delivery, Subscription subscription) {
        deliveries.cancelled(delivery, 410, GONE_REASON);
        count("gone");
        if (subscriptions.disable(subscription.subscriptionId(), GONE_REASON)) {
            long cancelled = deliveries.cancelPending(subscription.subscriptionId(), GONE_REASON);
            log.info("Webhook subscription {} of {} disabled: 410 Gone ({} pending deliveries cancelled)",
                    subscription.subscriptionId(), subscription.agencyId(), cancelled);
        }
    }

    /** A URL refused at this moment is an attempt that failed: claimed, counted and retried like any other. */
    private boolean attemptWithout(WebhookDelivery due, Instant now, String error) {
        Optional<WebhookDelivery> claimed = deliveries.claim(due.deliveryId(), now, now.plus(settings.claimLease()));
        return claimed.isPresent() && retryOrFail(claimed.get(), null, error, now);
    }

    /** @return true when the delivery is settled (FAILED), false when it waits for its next attempt */
    private boolean retryOrFail(WebhookDelivery delivery, Integer status, String error, Instant now) {
        Instant first = delivery.firstAttemptAt() == null ? now : delivery.firstAttemptAt();
        Optional<Instant> next = schedule.nextAttempt(delivery.attempts(), first, now,
                () -> ThreadLocalRandom.current().nextDouble());
        if (next.isEmpty()) {
            deliveries.failed(delivery, status, error);
            count("failed");
            log.warn("Webhook delivery {} failed after {} attempts", delivery.deliveryId(), delivery.attempts());
            return true;
        }
        deliveries.retryAt(delivery, status, error, next.get());
        count("retried");
        log.info("Webhook delivery {} attempt {} failed ({}), again at {}", delivery.deliveryId(),
                delivery.attempts(), status == null ? error : status, next.get());
        return false;
    }

    private void count(String outcome) {
        meters.counter(DELIVERIES, "outcome", outcome).increment();
    }
}
