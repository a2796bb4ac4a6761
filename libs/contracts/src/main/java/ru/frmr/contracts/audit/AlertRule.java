package ru.frmr.contracts.audit;

/** The anomaly rules of the audit service. */
public enum AlertRule {
    FAILED_LOGINS_PER_ACCOUNT,
    FAILED_LOGINS_PER_ADDRESS,
    MASS_RECORD_READS,
    MASS_ERASURES
}
