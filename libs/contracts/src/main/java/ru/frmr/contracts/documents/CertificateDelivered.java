package ru.frmr.contracts.documents;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: a справка reached the person: downloaded, e-mailed or posted.
 *
 * @param trackingNumber the postal tracking number for POST; null otherwise
 */
public record CertificateDelivered(String requestId, String workerId, String number, CertificateDelivery channel,
                                   String trackingNumber, Instant deliveredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return requestId;
    }
}
