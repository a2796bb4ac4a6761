package ru.frmr.registry.api;

/**
 * The two kinds of additional professional programme (Federal Law 273-FZ, art. 76 part 2), with the
 * shortest programme of each kind the law allows: 16 and 250 academic hours (order of the Ministry of
 * Education and Science No. 499 of 1 July 2013, item 12).
 */
public enum AdditionalEducationKind {
    /** Повышение квалификации. */
    QUALIFICATION_UPGRADE(16),
    /** Профессиональная переподготовка. */
    PROFESSIONAL_RETRAINING(250);

    private final int minimumHours;

    AdditionalEducationKind(int minimumHours) {
        this.minimumHours = minimumHours;
    }

    public int minimumHours() {
        return minimumHours;
    }
}
