package ru.frmr.notification.webhook;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.EventDescriptor;
import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.kit.error.ConflictException;
import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.kit.error.NotFoundException;
import ru.frmr.notification.webhook.Subscription.SubscriptionStatus;
import ru.frmr.notification.webhook.TargetUrlPolicy.RefusedTargetException;

/**
 * Agencies' webhook subscriptions (see {@link WebhookAccess} for who may call): subscribe (the secret is shown in
 * this answer only), list, read, disable, enable, delete, the delivery log, and replay from a point in time. An
 * agency sees only its own subscriptions: another's id is 404. The platform's public signing key is public.
 */
@RestController
@RequestMapping("/api/notifications/webhooks")
class WebhooksController {

    private static final Logger log = LoggerFactory.getLogger(WebhooksController.class);
    private static final Pattern SUBSCRIPTION_ID = Pattern.compile("ws-[a-z2-7]{16}");
    private static final Pattern REPLAY_KEY = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_TYPES = 50;
    private static final int MAX_DESCRIPTION = 300;
    private static final int MAX_SIZE = 100;
    private static final int MAX_PAGE = 100_000;

    private final Subscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final PublicEventLog events;
    private final TargetUrlPolicy targets;
    private final PersonalDataCipher cipher;
    private final WebhookSigner signer;
    private final RevokedAgencies revoked;
    private final WebhookProperties settings;
    private final Clock clock;

    WebhooksController(Subscriptions subscriptions, WebhookDeliveries deliveries, PublicEventLog events,
                       TargetUrlPolicy targets, PersonalDataCipher cipher, WebhookSigner signer,
                       RevokedAgencies revoked, WebhookProperties settings, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.events = events;
        this.targets = targets;
        this.cipher = cipher;
        this.signer = signer;
        this.revoked = revoked;
        this.settings = settings;
        this.clock = clock;
    }

    record SubscribeRequest(String agencyId, String url, List<String> eventTypes, String description) {
    }

    record SubscriptionView(String subscriptionId, String agencyId, String url, List<String> eventTypes,
                            String description, SubscriptionStatus status, String disabledReason,
                            Instant createdAt) {

        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.subscriptionId(), s.agencyId(), s.url(), s.eventTypes(), s.description(),
                    s.status(), s.disabledReason(), s.createdAt());
        }
    }

    /** The only answer that carries the secret. */
    record NewSubscription(String subscriptionId, String agencyId, String url, List<String> eventTypes,
                           String description, SubscriptionStatus status, Instant createdAt, String secret) {

        @Override
        public String toString() {
            return "NewSubscription[" + subscriptionId + "]";
        }
    }

    record Items<T>(List<T> items) {
    }

    record DeliveryView(String deliveryId, String webhookId, String eventId, String eventType,
                        WebhookDelivery.DeliveryStatus status, int attempts, Integer lastStatusCode,
                        String lastError, Instant nextAttemptAt, Instant deliveredAt, Instant createdAt) {

        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.deliveryId(), d.webhookId(), d.eventId(), d.eventType(), d.status(),
                    d.attempts(), d.lastStatusCode(), d.lastError(), d.nextAttemptAt(), d.deliveredAt(),
                    d.createdAt());
        }
    }

    record DeliveryPage(List<DeliveryView> items, int page, int size, long total) {
    }

    record ReplayRequest(String since) {
    }

    record Replayed(int enqueued) {
    }

    record SigningKey(String keyId, String algorithm, String publicKey) {
    }

    @PostMapping
    ResponseEntity<NewSubscription> subscribe(@RequestBody SubscribeRequest request) {
        String agencyId = agencyFor(request.agencyId());
        notRevoked(agencyId);
        String url = checkedUrl(request.url());
        List<String> types = publicTypes(request.eventTypes());
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
            throw new InvalidParameterException("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        String subscriptionId = newSubscriptionId();
        String secret = WebhookSigner.newSecret();
        Instant now = clock.instant();
        subscriptions.add(new Subscription(subscriptionId, agencyId, url, types, request.description(),
                SubscriptionStatus.ACTIVE, null, now,
                cipher.encrypt(Subscription.secretSubject(subscriptionId), secret)));
        log.info("Webhook subscription {} of {} created for {} event types", subscriptionId, agencyId, types.size());
        return ResponseEntity.created(URI.create("/api/notifications/webhooks/" + subscriptionId))
                .body(new NewSubscription(subscriptionId, agencyId, url, types, request.description(),
                        SubscriptionStatus.ACTIVE, now, secret));
    }

    @GetMapping
    Items<SubscriptionView> list(@RequestParam(required = false) String agencyId) {
        String scope = WebhookAccess.callingAgency().orElse(null);
        if (scope == null && agencyId != null && !WebhookAccess.AGENCY_ID.matcher(agencyId).matches()) {
            throw new InvalidParameterException("agencyId", "must be an agency id (ag- and 12 base32 characters)");
        }
        String of = scope != null ? scope : agencyId;
        return new Items<>(subscriptions.list(of).stream().map(SubscriptionView::of).toList());
    }

    @GetMapping("/signing-key")
    SigningKey signingKey() {
        return new SigningKey(signer.keyId(), "Ed25519", signer.publicKey());
    }

    @GetMapping("/{id}")
    SubscriptionView read(@PathVariable String id) {
        return SubscriptionView.of(visible(id));
    }

    @PostMapping("/{id}/disable")
    SubscriptionView disable(@PathVariable String id) {
        Subscription s = visible(id);
        if (subscriptions.disable(id, "disabled by request")) {
            deliveries.cancelPending(id, "the subscription was disabled");
        }
        return SubscriptionView.of(subscriptions.find(id).orElse(s));
    }

    @PostMapping("/{id}/enable")
    SubscriptionView enable(@PathVariable String id) {
        Subscription s = visible(id);
        notRevoked(s.agencyId());
        checkedUrl(s.url());
        subscriptions.enable(id);
        return SubscriptionView.of(subscriptions.find(id).orElse(s));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        visible(id);
        subscriptions.delete(id);
        deliveries.deleteOf(id);
        // The secret's key goes too: any copy of the sealed secret (backups) no longer opens.
        cipher.shred(Subscription.secretSubject(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    DeliveryPage deliveries(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "20") int size) {
        visible(id);
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidParameterException("page", "must be 0 to " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidParameterException("size", "must be 1 to " + MAX_SIZE);
        }
        WebhookDeliveries.Page found = deliveries.page(id, page, size);
        return new DeliveryPage(found.items().stream().map(DeliveryView::of).toList(), page, size, found.total());
    }

    /**
     * Queues again every stored event of the subscription's types since the given instant (at most the replay window
     * back), each with its original webhook id, reading the stored events a page at a time. The same {@code Idempotency-Key} queues nothing a second time; without one each call is a replay
     * of its own.
     */
    @PostMapping("/{id}/replay")
    ResponseEntity<Replayed> replay(@PathVariable String id, @RequestBody(required = false) ReplayRequest request,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Subscription s = visible(id);
        if (request == null || request.since() == null) {
            throw new InvalidParameterException("since", "is required (an ISO-8601 instant)");
        }
        Instant since;
        try {
            since = Instant.parse(request.since());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("since", "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
        Instant now = clock.instant();
        if (since.isBefore(now.minus(settings.replayWindow()))) {
            throw new InvalidParameterException("since", "must be within the last " + settings.replayWindow().toDays()
                    + " days");
        }
        if (key != null && !REPLAY_KEY.matcher(key).matches()) {
            throw new InvalidParameterException("Idempotency-Key", "must be 1 to 100 letters, digits, - or _");
        }
        if (s.status() != SubscriptionStatus.ACTIVE) {
            throw new ConflictException("status", "the subscription is disabled: enable it first");
        }
        String replayId = key != null ? key : UUID.randomUUID().toString();
        int[] enqueued = {0};
        events.forEachSince(since, s.eventTypes(), settings.replayPage(), event -> {
            if (deliveries.enqueue(WebhookDeliveries.replayDeliveryId(id, event.eventId(), replayId), id,
                    event.eventId(), event.type(), now)) {
                enqueued[0]++;
            }
        });
        log.info("Webhook subscription {} replay: {} deliveries queued", id, enqueued[0]);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Replayed(enqueued[0]));
    }

    /** The subscription when the caller may see it; 404 otherwise (another agency's is as good as none). */
    private Subscription visible(String id) {
        if (!SUBSCRIPTION_ID.matcher(id).matches()) {
            throw new InvalidParameterException("id", "must be a subscription id (ws- and 16 base32 characters)");
        }
        String scope = WebhookAccess.callingAgency().orElse(null);
        return subscriptions.find(id).filter(s -> scope == null || scope.equals(s.agencyId()))
                .orElseThrow(() -> new NotFoundException("id: no such webhook subscription"));
    }

    private static String agencyFor(String requested) {
        String own = WebhookAccess.callingAgency().orElse(null);
        if (own != null) {
            if (requested != null && !requested.equals(own)) {
                throw new InvalidParameterException("agencyId", "an agency subscribes for itself only");
            }
            return own;
        }
        if (requested == null || !WebhookAccess.AGENCY_ID.matcher(requested).matches()) {
            throw new InvalidParameterException("agencyId", "must be an agency id (ag- and 12 base32 characters)");
        }
        return requested;
    }

    /**
     * 409 for a revoked agency: its access token may still be valid for a few minutes, and an administrator may not
     * bring its webhooks back either.
     */
    private void notRevoked(String agencyId) {
        if (revoked.isRevoked(agencyId)) {
            throw new ConflictException("agencyId", "the agency was revoked: its webhooks cannot be subscribed or enabled");
        }
    }

    private String checkedUrl(String url) {
        try {
            return targets.check(url).toString();
        } catch (RefusedTargetException refused) {
            throw new InvalidParameterException("url", refused.getMessage());
        }
    }

    private static List<String> publicTypes(List<String> requested) {
        if (requested == null || requested.isEmpty() || requested.size() > MAX_TYPES) {
            throw new InvalidParameterException("eventTypes", "must name 1 to " + MAX_TYPES
                    + " event types published on frmr.public.events");
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : requested) {
            boolean published = type != null && EventCatalog.byType(type).filter(EventDescriptor::publicContract)
                    .isPresent();
            if (!published) {
                throw new InvalidParameterException("eventTypes", "each must be an event type published on "
                        + "frmr.public.events");
            }
            types.add(type);
        }
        return List.copyOf(types);
    }

    private static String newSubscriptionId() {
        StringBuilder id = new StringBuilder("ws-");
        for (int i = 0; i < 16; i++) {
            id.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        return id.toString();
    }
}
