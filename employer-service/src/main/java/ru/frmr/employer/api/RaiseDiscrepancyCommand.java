package ru.frmr.employer.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A worker disputes a field of one of their employment records with the organisation that keeps it. The sender
 * has checked that the employment is the worker's and the organisation's.
 *
 * @param filedAt when the worker filed it; the due date is counted from it
 */
public record RaiseDiscrepancyCommand(@TargetAggregateIdentifier String discrepancyId, String organizationId,
                                      String workerId, String employmentId, DiscrepancyField field,
                                      String recordedValue, String correctValue, String comment, Instant filedAt) {
}
