package ru.frmr.employer.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The organisation's first card, version 1. */
@Revision("1")
public record MedicalOrganizationRegisteredEvent(String organizationId, OrganizationDetails details, long version,
                                                 String registeredBy, Instant registeredAt) {
}
