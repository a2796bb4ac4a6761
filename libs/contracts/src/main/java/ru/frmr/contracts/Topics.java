package ru.frmr.contracts;

import java.util.List;

/** Kafka topic names. Wire names are constants, never derived from class names. */
public final class Topics {

    public static final String AUTH_EVENTS = "frmr.auth.events";
    public static final String REGISTRY_EVENTS = "frmr.registry.events";
    public static final String EMPLOYER_EVENTS = "frmr.employer.events";
    public static final String DOCUMENTS_EVENTS = "frmr.documents.events";
    public static final String NOTIFICATION_EVENTS = "frmr.notification.events";
    /** For outside subscribers: public contracts only, never SNILS, passport or contacts. */
    public static final String PUBLIC_EVENTS = "frmr.public.events";
    public static final String AUDIT_ALERTS = "frmr.audit.alerts";
    /**
     * Who read a person's non-public data, and why (internal: the audit ledger keeps it and shows it to the person).
     */
    public static final String ACCESS_EVENTS = "frmr.access.events";
    /** The audit log's signed checkpoints (C2SP signed notes): for agencies to keep, so a rewritten history shows. */
    public static final String AUDIT_CHECKPOINTS = "frmr.audit.checkpoints";

    /** Every {@code frmr.*.events} topic: what the audit ledger consumes. */
    public static final List<String> ALL_EVENT_TOPICS = List.of(
            AUTH_EVENTS, REGISTRY_EVENTS, EMPLOYER_EVENTS, DOCUMENTS_EVENTS, NOTIFICATION_EVENTS, PUBLIC_EVENTS,
            ACCESS_EVENTS);

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    /** The dead-letter topic where a consumer of {@code topic} parks messages it cannot process. */
    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
