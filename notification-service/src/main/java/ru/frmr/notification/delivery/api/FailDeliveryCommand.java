package ru.frmr.notification.delivery.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives the message up: its retry budget ran out, or it can never be sent. */
public record FailDeliveryCommand(@TargetAggregateIdentifier String notificationId, DeliveryFailure reason,
                                  Instant failedAt) {
}
