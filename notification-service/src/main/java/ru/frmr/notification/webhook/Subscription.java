package ru.frmr.notification.webhook;

import java.time.Instant;
import java.util.List;

/**
 * One agency's webhook subscription as stored (the secret sealed, never in this record's text).
 *
 * @param sealedSecret the {@code whsec_} secret sealed under the subscription's own key
 */
public record Subscription(String subscriptionId, String agencyId, String url, List<String> eventTypes,
                           String description, SubscriptionStatus status, String disabledReason, Instant createdAt,
                           String sealedSecret) {

    public Subscription {
        eventTypes = List.copyOf(eventTypes);
    }

    /** The subject the secret is sealed under; shredded when the subscription is deleted. */
    static String secretSubject(String subscriptionId) {
        return "webhook:" + subscriptionId;
    }

    @Override
    public String toString() {
        return "Subscription[" + subscriptionId + ", " + agencyId + ", " + status + "]";
    }

    public enum SubscriptionStatus { ACTIVE, DISABLED }
}
