package ru.frmr.auth.api;

import java.util.List;

/**
 * What a session's access tokens say about the caller; fixed when the session opens.
 *
 * @param workerId the registry's id of the person, null when they are no medical worker
 * @param orgId    the ESIA oid of the organisation an EMPLOYER_HR acts for, else null
 */
public record SessionClaims(List<PlatformRole> roles, String workerId, String orgId) {

    public SessionClaims {
        roles = List.copyOf(roles);
    }
}
