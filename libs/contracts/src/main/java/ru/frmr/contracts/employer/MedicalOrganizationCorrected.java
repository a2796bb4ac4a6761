package ru.frmr.contracts.employer;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: a registry administrator corrected a medical organisation's card. The whole card, so a subscriber
 * replaces what it holds; {@code version} orders the cards of one organisation (a lower one than held is stale).
 */
public record MedicalOrganizationCorrected(String organizationId, String name, String ogrn, String inn, String kpp,
                                           String frmoId, String regionCode, String address, long version,
                                           Instant correctedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return organizationId;
    }
}
