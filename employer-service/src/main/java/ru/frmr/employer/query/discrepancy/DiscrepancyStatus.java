package ru.frmr.employer.query.discrepancy;

/** OPEN: waiting for HR's answer; OVERDUE: not answered by the due date, escalated; ANSWERED: answered (maybe late). */
public enum DiscrepancyStatus {
    OPEN, OVERDUE, ANSWERED
}
