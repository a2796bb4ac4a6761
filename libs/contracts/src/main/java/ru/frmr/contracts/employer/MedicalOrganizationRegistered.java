package ru.frmr.contracts.employer;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: the employer-service knows a new medical organisation (a registry administrator added it, or the
 * versioned fixture did). auth-service learns from it which ESIA organisations (by ОГРН) make their chief,
 * administrators and granted staff EMPLOYER_HR, and under which organisation id. Organisation data only: no person.
 *
 * @param version the card's version, 1 here; {@link MedicalOrganizationCorrected} carries the later ones
 */
public record MedicalOrganizationRegistered(String organizationId, String name, String ogrn, String inn, String kpp,
                                            String frmoId, String regionCode, String address, long version,
                                            Instant registeredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return organizationId;
    }
}
