package ru.frmr.notification.delivery.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An operator sends a failed message again, with a fresh retry budget. */
public record RetryDeliveryCommand(@TargetAggregateIdentifier String notificationId, Instant at) {
}
