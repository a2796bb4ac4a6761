package ru.frmr.employer.api;

/** How the organisation's HR answered: the record was corrected, or it stays and HR explains why. */
public enum AnswerOutcome {
    CORRECTED, EXPLAINED
}
