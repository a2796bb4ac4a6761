package ru.frmr.registry.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records an employment the employer reported. Idempotent: the same employment at the same version again
 * changes nothing.
 *
 * @param version    the employer's version of the employment record
 * @param recordedBy who reported it (the CloudEvents actor of the employer's event)
 * @param recordedAt when the employer recorded it; the day the start date must not be after
 */
public record RecordEmploymentCommand(@TargetAggregateIdentifier String workerId, String employmentId, long version,
                                      EmploymentTerms terms, String recordedBy, Instant recordedAt) {
}
