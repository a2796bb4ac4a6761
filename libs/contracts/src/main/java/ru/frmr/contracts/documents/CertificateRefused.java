package ru.frmr.contracts.documents;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/** Internal: a справка request was refused; {@code reason} is the text the person is shown. */
public record CertificateRefused(String requestId, String workerId, CertificateType certificateType, String reason,
                                 Instant refusedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return requestId;
    }
}
