package ru.frmr.contracts.registry;

import java.time.LocalDate;

import ru.frmr.contracts.IntegrationEvent;

/**
 * A specialist certificate or accreditation ends soon: sent 90, 30 and 7 days before its end date, once each.
 * For the platform's own services (the notification service tells the worker), not for outside subscribers.
 *
 * @param licenseId the entry of the worker's record that holds the licence
 * @param daysLeft  days from the day the notice was issued to {@code endDate}; equals the threshold unless the
 *                  licence entered the record (or the notice went out) after the threshold's day
 */
public record LicenseExpiringSoon(String workerId, String licenseId, LicenseKind kind, String specialtyCode,
                                  LocalDate endDate, int daysLeft) implements IntegrationEvent {

    @Override
    public String subject() {
        return workerId;
    }
}
