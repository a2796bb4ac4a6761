package ru.frmr.documents.certificate.api;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The signed PDF is stored: the справка is ready. {@code sha256} is of the PDF exactly as stored and handed out. */
public record IssueCertificateCommand(@TargetAggregateIdentifier String requestId, String number, String sha256,
                                      Instant issuedAt, LocalDate validUntil) {
}
