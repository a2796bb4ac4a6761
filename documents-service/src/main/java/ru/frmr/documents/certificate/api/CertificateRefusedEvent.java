package ru.frmr.documents.certificate.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import ru.frmr.contracts.documents.CertificateType;

@Revision("1")
public record CertificateRefusedEvent(String requestId, String workerId, CertificateType type, String reason,
                                      Instant refusedAt) {
}
