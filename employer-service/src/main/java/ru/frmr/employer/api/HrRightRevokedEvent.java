package ru.frmr.employer.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** @param rightsVersion the organisation's count of HR-right changes, this one included */
@Revision("1")
public record HrRightRevokedEvent(String organizationId, String accountId, long rightsVersion, String revokedBy,
                                  Instant revokedAt) {
}
