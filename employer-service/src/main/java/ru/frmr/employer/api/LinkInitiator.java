package ru.frmr.employer.api;

/** Which side started a link request; the other side answers it. */
public enum LinkInitiator {
    /** The organisation's HR officer asked to link a worker. */
    EMPLOYER,
    /** The worker asked to be linked to an organisation, naming their employment contract. */
    WORKER
}
