package ru.frmr.rules.token;

/**
 * The claims of a platform access token beyond the registered ones ({@code iss}, {@code sub}, {@code aud},
 * {@code exp}), as auth-service issues them and the gateway and every service read them
 * (docs/identity.md).
 */
public final class TokenClaims {

    /** The session the token belongs to. */
    public static final String SESSION_ID = "sid";
    /** The caller's roles; each becomes the authority {@link #ROLE_AUTHORITY_PREFIX}{@code <name>}. */
    public static final String ROLES = "roles";
    /** The caller's registry record, for a medical worker. */
    public static final String WORKER_ID = "worker_id";
    /** The organisation an EMPLOYER_HR acts for. */
    public static final String ORG_ID = "org_id";
    /**
     * Why an EMPLOYER_HR acts for {@link #ORG_ID}: {@code CHIEF} or {@code ADMIN} as ESIA marks them in the
     * organisation, or {@code GRANTED} when the organisation's chief granted them the HR right in the cabinet.
     */
    public static final String ORG_BASIS = "org_basis";
    /** Present and true when a one-time code confirmed the token recently (step-up). */
    public static final String STEP_UP = "step_up";

    /** A machine client's granted scopes, space-separated (RFC 8693 §4.2); each becomes {@link #SCOPE_AUTHORITY_PREFIX}{@code <scope>}. */
    public static final String SCOPE = "scope";
    /** The machine client a client-credentials token was issued to (= {@code sub}). */
    public static final String CLIENT_ID = "client_id";
    /** The supervisory agency of a machine client (or of a SUPERVISOR person). */
    public static final String AGENCY_ID = "agency_id";
    /** {@code MINZDRAV}, {@code ROSZDRAVNADZOR} or {@code REGIONAL_HEALTH_AUTHORITY}. */
    public static final String AGENCY_KIND = "agency_kind";
    /** The region (two digits) of a regional health authority; absent for the others. */
    public static final String AGENCY_REGION = "agency_region";

    public static final String ROLE_AUTHORITY_PREFIX = "ROLE_";
    /** As Spring Security's resource server names scopes: {@code hasAuthority('SCOPE_webhooks.manage')}. */
    public static final String SCOPE_AUTHORITY_PREFIX = "SCOPE_";

    private TokenClaims() {
    }
}
