package ru.frmr.employer.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The whole corrected card and its new version. */
@Revision("1")
public record MedicalOrganizationCorrectedEvent(String organizationId, OrganizationDetails details, long version,
                                                String correctedBy, Instant correctedAt) {
}
