package ru.frmr.documents.certificate.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param trackingNumber the postal tracking number for POSTED; null otherwise */
public record RecordDeliveryCommand(@TargetAggregateIdentifier String requestId, DeliveryChannel channel,
                                    String trackingNumber, Instant deliveredAt) {
}
