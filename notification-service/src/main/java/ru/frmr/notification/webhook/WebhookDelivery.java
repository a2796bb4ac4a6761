package ru.frmr.notification.webhook;

import java.time.Instant;

/**
 * One event to one subscription (a replay's copy is a delivery of its own with the same webhook id).
 *
 * @param webhookId      {@code msg_...}: the same for every attempt and every replay of one event
 * @param attempts       attempts claimed so far
 * @param firstAttemptAt when the first attempt was claimed: the retry budget counts from it
 * @param nextAttemptAt  when it is due; null once settled
 */
public record WebhookDelivery(String deliveryId, String subscriptionId, String eventId, String eventType,
                              String webhookId, DeliveryStatus status, int attempts, Integer lastStatusCode,
                              String lastError, Instant nextAttemptAt, Instant firstAttemptAt, Instant deliveredAt,
                              Instant createdAt) {

    public enum DeliveryStatus { PENDING, DELIVERED, FAILED, CANCELLED }
}
