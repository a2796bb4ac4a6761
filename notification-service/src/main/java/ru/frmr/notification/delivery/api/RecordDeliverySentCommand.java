package ru.frmr.notification.delivery.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The channel took the message ({@code segments}: SMS parts billed, 0 for the other channels). */
public record RecordDeliverySentCommand(@TargetAggregateIdentifier String notificationId, int attempt,
                                        int templateVersion, int segments, Instant sentAt) {
}
