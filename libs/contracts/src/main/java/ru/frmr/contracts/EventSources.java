package ru.frmr.contracts;

import java.net.URI;

/** CloudEvents {@code source} of each producing service. */
public final class EventSources {

    public static final URI AUTH = URI.create("/frmr/auth-service");
    public static final URI REGISTRY = URI.create("/frmr/registry-service");
    public static final URI EMPLOYER = URI.create("/frmr/employer-service");
    public static final URI DOCUMENTS = URI.create("/frmr/documents-service");
    public static final URI NOTIFICATION = URI.create("/frmr/notification-service");
    public static final URI AUDIT = URI.create("/frmr/audit-service");

    private EventSources() {
    }
}
