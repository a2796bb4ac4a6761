package ru.frmr.documents.certificate.api;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

import ru.frmr.contracts.documents.CertificateDelivery;
import ru.frmr.contracts.documents.CertificateType;

@Revision("1")
public record CertificateIssuedEvent(String requestId, String workerId, String accountId, CertificateType type,
                                     CertificateDelivery delivery, String number, String sha256, Instant issuedAt,
                                     LocalDate validUntil) {
}
