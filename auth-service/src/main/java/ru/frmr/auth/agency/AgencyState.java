package ru.frmr.auth.agency;

import java.time.Instant;

import ru.frmr.contracts.auth.AgencyKind;

/**
 * An agency as its aggregate or its read model holds it; no secret.
 *
 * @param regionCode only for a regional health authority
 * @param revokedAt  null while active
 */
public record AgencyState(String agencyId, String name, AgencyKind kind, String regionCode, AgencyStatus status,
                          Instant onboardedAt, Instant revokedAt, String kafkaUsername) {
}
