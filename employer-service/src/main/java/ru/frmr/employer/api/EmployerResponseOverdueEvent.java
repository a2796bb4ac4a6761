package ru.frmr.employer.api;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * The organisation did not answer a discrepancy by its due date; it is escalated to supervisors. At most once
 * per discrepancy.
 *
 * @param overdueAt  when the due date passed
 * @param recordedAt when a sweeper noticed it
 */
@Revision("1")
public record EmployerResponseOverdueEvent(String discrepancyId, String organizationId, String workerId,
                                           String employmentId, LocalDate dueDate, Instant overdueAt,
                                           Instant recordedAt) {
}
