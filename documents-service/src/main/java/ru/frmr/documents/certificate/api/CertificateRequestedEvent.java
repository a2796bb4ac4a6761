package ru.frmr.documents.certificate.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import ru.frmr.contracts.documents.CertificateDelivery;
import ru.frmr.contracts.documents.CertificateType;

/** @param sealedPostalAddress the postal address as JSON sealed under the worker's key; null unless POST */
@Revision("1")
public record CertificateRequestedEvent(String requestId, String workerId, String accountId, CertificateType type,
                                        String purpose, CertificateDelivery delivery, String sealedPostalAddress,
                                        Instant requestedAt) {
}
