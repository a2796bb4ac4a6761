package ru.frmr.documents.certificate.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CertificateDeliveredEvent(String requestId, String workerId, String number, DeliveryChannel channel,
                                        String trackingNumber, Instant deliveredAt) {
}
