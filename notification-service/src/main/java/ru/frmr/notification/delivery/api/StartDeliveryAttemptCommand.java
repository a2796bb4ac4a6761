package ru.frmr.notification.delivery.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Claims the next attempt before anything is sent, so that two replicas never send the same message at once. The
 * claim holds until {@code leaseUntil}: a replica that dies after claiming leaves a claim that runs out, and the
 * message is attempted again. Answers the attempt's number, or 0 when the message is not to be attempted now (not
 * due, claimed by another, already sent or failed).
 */
public record StartDeliveryAttemptCommand(@TargetAggregateIdentifier String notificationId, Instant at,
                                          Instant leaseUntil) {
}
