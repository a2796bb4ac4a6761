package ru.frmr.registry.api;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ends a recorded employment on {@code endDate}, its last working day. A version the record already holds,
 * or an older one, changes nothing; a newer one corrects the end date.
 *
 * @param organizationId must be the organisation the employment was recorded with
 */
public record EndEmploymentCommand(@TargetAggregateIdentifier String workerId, String employmentId, long version,
                                   String organizationId, LocalDate endDate, String endedBy, Instant endedAt) {
}
