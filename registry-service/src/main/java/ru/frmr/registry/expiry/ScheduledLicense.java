package ru.frmr.registry.expiry;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.frmr.registry.api.RecordSection;

/**
 * A licence of a worker's approved record as the expiry schedule knows it. Dates are ISO strings
 * ({@code 2026-05-20}): they compare correctly as strings and, unlike Spring Data's {@code LocalDate}
 * mapping (a Date at the JVM zone's midnight), mean the same on every replica.
 *
 * @param approvedOn the registry's day (Moscow) its current version was approved
 * @param removed    a tombstone, so that a replayed older event cannot bring a removed entry back
 * @param version    sequence number of the last event applied
 */
@Document(ScheduledLicense.COLLECTION)
record ScheduledLicense(@Id String id, String workerId, String entryId, RecordSection section, String specialtyCode,
                        String endDate, String approvedOn, boolean removed, long version) {

    static final String COLLECTION = "license_expiry_licenses";

    static String idOf(String workerId, String entryId) {
        return workerId + "/" + entryId;
    }
}
