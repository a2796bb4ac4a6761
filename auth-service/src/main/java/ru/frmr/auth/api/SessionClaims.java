package ru.frmr.auth.api;

import java.util.ArrayList;
import java.util.List;

/**
 * What a session's access tokens say about the caller; fixed when the session opens, except the worker id of a
 * medical worker, which the registry may announce after the session opened (it then appears at the next refresh),
 * and an HR right granted by the chief, which a revocation takes away at the next refresh.
 *
 * @param workerId the person's registry number, null when they are no medical worker or the registry has not
 *                 announced it yet
 * @param orgId    the employer-service's id of the medical organisation an EMPLOYER_HR acts for, else null
 * @param orgBasis why they act for it: {@code CHIEF} or {@code ADMIN} (ESIA says so) or {@code GRANTED} (the chief
 *                 gave them the HR right); null without {@code orgId}, and in sessions opened before it existed
 */
public record SessionClaims(List<PlatformRole> roles, String workerId, String orgId, String orgBasis) {

    public static final String CHIEF = "CHIEF";
    public static final String ADMIN = "ADMIN";
    public static final String GRANTED = "GRANTED";

    public SessionClaims {
        roles = List.copyOf(roles);
    }

    /** Claims without an organisation. */
    public SessionClaims(List<PlatformRole> roles, String workerId, String orgId) {
        this(roles, workerId, orgId, null);
    }

    /** A medical worker whose registry number is not known yet. */
    public boolean lacksWorkerId() {
        return workerId == null && roles.contains(PlatformRole.WORKER);
    }

    public SessionClaims withWorkerId(String registryNumber) {
        return new SessionClaims(roles, registryNumber, orgId, orgBasis);
    }

    /** HR by a grant of the chief, which the chief may take back while the session lasts. */
    public boolean hrByGrant() {
        return roles.contains(PlatformRole.EMPLOYER_HR) && GRANTED.equals(orgBasis);
    }

    /** The same claims without EMPLOYER_HR and its organisation. */
    public SessionClaims withoutEmployerHr() {
        List<PlatformRole> rest = new ArrayList<>(roles);
        rest.remove(PlatformRole.EMPLOYER_HR);
        return new SessionClaims(rest, workerId, null, null);
    }
}
