package ru.frmr.registry.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Domain event: the employment's terms now read {@code terms}; its end date, if any, stays. */
@Revision("1")
public record EmploymentCorrectedEvent(String workerId, String employmentId, long version, EmploymentTerms terms,
                                       String correctedBy, Instant correctedAt, long profileVersion) {
}
