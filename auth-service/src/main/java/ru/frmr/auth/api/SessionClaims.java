package ru.frmr.auth.api;

import java.util.List;

/**
 * What a session's access tokens say about the caller; fixed when the session opens, except the worker id of a
 * medical worker, which the registry may announce after the session opened (it then appears at the next refresh).
 *
 * @param workerId the person's registry number, null when they are no medical worker or the registry has not
 *                 announced it yet
 * @param orgId    the ESIA oid of the organisation an EMPLOYER_HR acts for, else null
 */
public record SessionClaims(List<PlatformRole> roles, String workerId, String orgId) {

    public SessionClaims {
        roles = List.copyOf(roles);
    }

    /** A medical worker whose registry number is not known yet. */
    public boolean lacksWorkerId() {
        return workerId == null && roles.contains(PlatformRole.WORKER);
    }

    public SessionClaims withWorkerId(String registryNumber) {
        return new SessionClaims(roles, registryNumber, orgId);
    }
}
