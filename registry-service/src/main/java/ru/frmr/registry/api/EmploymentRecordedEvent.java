package ru.frmr.registry.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * Domain event: the worker's record now holds this employment, as the employer reported it (not moderated:
 * the employer is the source).
 *
 * @param version        the employer's version of the employment record
 * @param profileVersion the profile's version after this change
 */
@Revision("1")
public record EmploymentRecordedEvent(String workerId, String employmentId, long version, EmploymentTerms terms,
                                      String recordedBy, Instant recordedAt, long profileVersion) {
}
