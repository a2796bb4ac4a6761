package ru.frmr.documents.certificate.query;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.frmr.contracts.documents.CertificateDelivery;
import ru.frmr.contracts.documents.CertificateType;
import ru.frmr.documents.certificate.api.CertificateStatus;
import ru.frmr.documents.certificate.api.DeliveryChannel;

/**
 * A справка request as the cabinet, the postal queue and the public verification see it. The postal address stays
 * sealed under the worker's key. {@code revokedAt}: refused after it was issued (an administrator withdrew it).
 */
@Document("certificate_requests")
public record CertificateView(@Id String requestId, String workerId, String accountId, CertificateType type,
                              String purpose, CertificateDelivery delivery, String sealedPostalAddress,
                              CertificateStatus status, Instant requestedAt, Instant issuedAt, String number,
                              String sha256, LocalDate validUntil, Instant deliveredAt, DeliveryChannel channel,
                              String trackingNumber, String refusalReason, Instant revokedAt) {
}
