package ru.frmr.contracts.documents;

import java.time.Instant;
import java.time.LocalDate;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: a справка was issued (rendered and signed).
 *
 * @param number     the unique number printed on it and used for verification
 * @param sha256     hex SHA-256 of the signed PDF exactly as issued
 * @param validUntil the last day the справка is valid
 */
public record CertificateIssued(String requestId, String workerId, CertificateType certificateType, String number,
                                String sha256, Instant issuedAt, LocalDate validUntil) implements IntegrationEvent {

    @Override
    public String subject() {
        return requestId;
    }
}
