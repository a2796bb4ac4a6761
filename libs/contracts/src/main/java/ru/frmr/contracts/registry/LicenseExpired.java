package ru.frmr.contracts.registry;

import java.time.LocalDate;

import ru.frmr.contracts.IntegrationEvent;

/** Public contract: a specialist certificate or accreditation reached its end date. */
public record LicenseExpired(String workerId, String licenseId, LicenseKind kind, String specialtyCode,
                             LocalDate endDate) implements IntegrationEvent {

    @Override
    public String subject() {
        return workerId;
    }
}
