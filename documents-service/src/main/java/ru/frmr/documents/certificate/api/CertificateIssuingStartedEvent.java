package ru.frmr.documents.certificate.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CertificateIssuingStartedEvent(String requestId, String workerId, String number, Instant startedAt) {
}
