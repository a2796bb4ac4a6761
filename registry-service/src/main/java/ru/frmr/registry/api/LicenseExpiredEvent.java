package ru.frmr.registry.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * Domain event: a licence of the record reached its end date; issued once per entry and end date.
 *
 * @param section {@link RecordSection#CERTIFICATES} or {@link RecordSection#ACCREDITATION}
 */
@Revision("1")
public record LicenseExpiredEvent(String workerId, String entryId, RecordSection section, String specialtyCode,
                                  LocalDate endDate) {
}
