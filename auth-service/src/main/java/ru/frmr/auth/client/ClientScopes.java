package ru.frmr.auth.client;

import java.util.List;

/** The scopes a machine client may hold, and so ask for in a token (AGENCY13 design). */
public final class ClientScopes {

    /** Supervisory reads of worker records, each with a stated purpose. */
    public static final String REGISTRY_READ = "registry.read";
    /** The agency's own webhook subscriptions. */
    public static final String WEBHOOKS_MANAGE = "webhooks.manage";
    /** Checkpoints and proofs of the audit log. */
    public static final String AUDIT_READ = "audit.read";

    public static final List<String> ALL = List.of(REGISTRY_READ, WEBHOOKS_MANAGE, AUDIT_READ);

    private ClientScopes() {
    }
}
