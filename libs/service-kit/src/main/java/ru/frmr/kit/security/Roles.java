package ru.frmr.kit.security;

/** The platform roles a token's {@code roles} claim may hold; each becomes the authority {@code ROLE_<name>}. */
public final class Roles {

    public static final String WORKER = "WORKER";
    public static final String EMPLOYER_HR = "EMPLOYER_HR";
    public static final String REGISTRY_ADMIN = "REGISTRY_ADMIN";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String AUDITOR = "AUDITOR";
    /** Answers support requests (обращения); granted by ESIA oid like the other platform roles. */
    public static final String SUPPORT = "SUPPORT";
    /**
     * A supervisory agency's machine client (client-credentials grant): never a person; what it may do is in the
     * token's {@code scope} too.
     */
    public static final String AGENCY = "AGENCY";

    private Roles() {
    }
}
