package ru.frmr.registry.api;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** Domain event: the employment ended on {@code endDate}; it stays in the record as past employment. */
@Revision("1")
public record EmploymentEndedEvent(String workerId, String employmentId, long version, LocalDate endDate,
                                   String endedBy, Instant endedAt, long profileVersion) {
}
