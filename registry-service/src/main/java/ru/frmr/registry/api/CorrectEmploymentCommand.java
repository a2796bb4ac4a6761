package ru.frmr.registry.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replaces the terms of a recorded employment with the employer's newer version of them. A version the
 * record already holds, or an older one, changes nothing.
 */
public record CorrectEmploymentCommand(@TargetAggregateIdentifier String workerId, String employmentId, long version,
                                       EmploymentTerms terms, String correctedBy, Instant correctedAt) {
}
