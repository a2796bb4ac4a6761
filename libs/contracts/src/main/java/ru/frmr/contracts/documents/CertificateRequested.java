package ru.frmr.contracts.documents;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/** Internal: a worker requested a справка. Neither the stated purpose nor a postal address leaves the service. */
public record CertificateRequested(String requestId, String workerId, CertificateType certificateType,
                                   CertificateDelivery delivery, Instant requestedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return requestId;
    }
}
