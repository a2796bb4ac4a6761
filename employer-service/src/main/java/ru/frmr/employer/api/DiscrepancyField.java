package ru.frmr.employer.api;

/** The field of an employment record a worker disputes. */
public enum DiscrepancyField {
    POSITION, DEPARTMENT, RATE, CONTRACT_KIND, CONTRACT_NUMBER, CONTRACT_DATE, START_DATE, END_DATE
}
