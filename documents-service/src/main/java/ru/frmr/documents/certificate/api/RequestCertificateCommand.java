package ru.frmr.documents.certificate.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import ru.frmr.contracts.documents.CertificateDelivery;
import ru.frmr.contracts.documents.CertificateType;

/** @param sealedPostalAddress the postal address as JSON sealed under the worker's key; only for POST */
public record RequestCertificateCommand(@TargetAggregateIdentifier String requestId, String workerId,
                                        String accountId, CertificateType type, String purpose,
                                        CertificateDelivery delivery, String sealedPostalAddress,
                                        Instant requestedAt) {
}
