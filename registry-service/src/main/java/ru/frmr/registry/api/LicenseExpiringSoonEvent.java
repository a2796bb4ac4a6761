package ru.frmr.registry.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * Domain event: the worker was told that a licence of the record ends soon.
 *
 * @param section   {@link RecordSection#CERTIFICATES} or {@link RecordSection#ACCREDITATION}
 * @param daysLeft  from the day the notice went out to {@code endDate}, at most the threshold's days
 */
@Revision("1")
public record LicenseExpiringSoonEvent(String workerId, String entryId, RecordSection section,
                                       String specialtyCode, LocalDate endDate, LicenseNoticeThreshold threshold,
                                       int daysLeft) {
}
