package ru.frmr.documents.certificate.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param reason the Russian text the person is shown */
public record RefuseCertificateCommand(@TargetAggregateIdentifier String requestId, String reason,
                                       Instant refusedAt) {
}
