package ru.frmr.contracts.audit;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: an anomaly rule's threshold was reached in one window. One alert per rule, subject and window.
 *
 * @param alertId derived from rule, subject and window start: a recount after a redelivery yields the same id
 * @param subject also the CloudEvents subject and the record key: an account id, an actor id, the keyed hash of a
 *                client address as {@code LoginFailed.addressHash} carries it, or {@code platform}; never an address
 *                in clear, never a СНИЛС
 * @param count   distinct events counted in the window when the alert was raised
 */
public record AuditAlertRaised(String alertId, AlertRule rule, String subject, long count, long threshold,
                               Instant windowStart, Instant windowEnd, Instant occurredAt)
        implements IntegrationEvent {
}
