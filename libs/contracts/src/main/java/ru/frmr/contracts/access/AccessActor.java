package ru.frmr.contracts.access;

/**
 * Who read the data: a person's account or an agency's machine client (exactly one of the two ids).
 *
 * @param role     the platform role the read was allowed by ({@code REGISTRY_ADMIN}, {@code SUPERVISOR},
 *                 {@code EMPLOYER_HR}, {@code SUPPORT}, {@code AGENCY})
 * @param agencyId the supervisory agency the reader acts for, or null
 * @param orgId    the medical organisation an HR officer acts for, or null
 */
public record AccessActor(String accountId, String clientId, String role, String agencyId, String orgId) {
}
