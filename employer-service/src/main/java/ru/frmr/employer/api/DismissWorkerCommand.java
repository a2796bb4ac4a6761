package ru.frmr.employer.api;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** HR ends an employment: {@code endDate} is the last working day, {@code reasonCode} from the dismissal reasons. */
public record DismissWorkerCommand(@TargetAggregateIdentifier String membershipId, String employmentId,
                                   LocalDate endDate, String reasonCode, Instant dismissedAt) {
}
