package ru.frmr.employer.api;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** An employment ended on {@code endDate} (the last working day), at the next version. */
@Revision("1")
public record WorkerDismissedEvent(String membershipId, String organizationId, String workerId,
                                   String employmentId, LocalDate endDate, String reasonCode, long version,
                                   Instant dismissedAt) {
}
