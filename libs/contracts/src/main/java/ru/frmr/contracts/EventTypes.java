package ru.frmr.contracts;

/** CloudEvents {@code type} names. Versioned: a breaking change gets a new {@code .vN}. */
public final class EventTypes {

    public static final String WORKER_REGISTERED = "ru.frmr.registry.WorkerRegistered.v1";
    public static final String PROFILE_UPDATED = "ru.frmr.registry.ProfileUpdated.v1";
    public static final String LICENSE_EXPIRED = "ru.frmr.registry.LicenseExpired.v1";
    public static final String EMPLOYER_LINK_REQUESTED = "ru.frmr.employer.EmployerLinkRequested.v1";

    private EventTypes() {
    }
}
