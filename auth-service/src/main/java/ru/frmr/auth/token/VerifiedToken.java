package ru.frmr.auth.token;

import java.time.Instant;
import java.util.List;

import ru.frmr.auth.api.PlatformRole;

/**
 * A platform access token that checked out.
 *
 * @param stepUpAt when the caller last confirmed a one-time code in this session, if this token says so
 */
public record VerifiedToken(String accountId, String sessionId, List<PlatformRole> roles, String workerId,
                            String orgId, Instant expiresAt, Instant stepUpAt) {

    public VerifiedToken {
        roles = List.copyOf(roles);
    }

    public boolean hasRole(PlatformRole role) {
        return roles.contains(role);
    }
}
