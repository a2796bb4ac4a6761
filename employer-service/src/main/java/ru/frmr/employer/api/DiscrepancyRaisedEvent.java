package ru.frmr.employer.api;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * A worker disputed a field of an employment record; the organisation must answer by {@code dueDate}.
 *
 * @param countsAsFiledOn the working day the filing counts as made on
 * @param provisional     the due date reaches past the days the production calendar knows
 * @param overdueAt       when the due date has passed (start of the next day, Moscow time)
 */
@Revision("1")
public record DiscrepancyRaisedEvent(String discrepancyId, String organizationId, String workerId,
                                     String employmentId, DiscrepancyField field, String recordedValue,
                                     String correctValue, String comment, Instant filedAt, LocalDate countsAsFiledOn,
                                     LocalDate dueDate, boolean provisional, Instant overdueAt) {
}
