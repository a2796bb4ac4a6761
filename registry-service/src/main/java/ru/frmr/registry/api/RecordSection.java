package ru.frmr.registry.api;

/** The parts of the professional record a worker keeps and an administrator moderates. */
public enum RecordSection {
    EDUCATION(true),
    CERTIFICATES(true),
    ACCREDITATION(true),
    /** Awarded on top of an education and a licence, so never the first thing that makes a medical worker. */
    QUALIFICATION_CATEGORIES(false),
    /** Интернатура, ординатура, аспирантура. */
    POSTGRADUATE_EDUCATION(true),
    /** Повышение квалификации, профессиональная переподготовка. */
    ADDITIONAL_EDUCATION(true),
    /** Reported by employers through the employer-service; the worker cannot submit changes of it. */
    EMPLOYMENT(false),
    /**
     * The worker's own e-mail and mobile: changed by the worker directly (with a fresh step-up), not moderated, and
     * never public; named here so that the change journal can list such a change beside the others.
     */
    CONTACTS(false);

    private final boolean professional;

    RecordSection(boolean professional) {
        this.professional = professional;
    }

    /**
     * Whether one approved entry of this section makes the person a medical worker the public register lists: an
     * education or a licence. Until the record holds one, the person (anyone who logged in as a worker) is not public.
     */
    public boolean admitsToPublicRegister() {
        return professional;
    }
}
