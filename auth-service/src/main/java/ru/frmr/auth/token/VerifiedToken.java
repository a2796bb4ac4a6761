package ru.frmr.auth.token;

import java.time.Instant;
import java.util.List;

import ru.frmr.auth.api.PlatformRole;

/**
 * A platform access token that checked out.
 *
 * @param stepUpAt when the caller last confirmed a one-time code in this session, if this token says so
 * @param orgBasis {@code org_basis}: CHIEF, ADMIN or GRANTED beside {@code org_id}, else null
 */
public record VerifiedToken(String accountId, String sessionId, List<PlatformRole> roles, String workerId,
                            String orgId, Instant expiresAt, Instant stepUpAt, String orgBasis) {

    public VerifiedToken {
        roles = List.copyOf(roles);
    }

    public boolean hasRole(PlatformRole role) {
        return roles.contains(role);
    }
}
