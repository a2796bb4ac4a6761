package ru.frmr.registry.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A registry administrator turns a pending change down, saying why.
 *
 * @param moderatorWorkerId the administrator's own registry record ({@code worker_id} of their token), or null
 *                          when they have none: nobody decides changes of their own record
 */
public record RejectProfileChangeCommand(@TargetAggregateIdentifier String workerId, String changeId, String reason,
                                         String rejectedBy, Instant rejectedAt, String moderatorWorkerId) {

    /** A rejection by an administrator who has no registry record of their own. */
    public RejectProfileChangeCommand(String workerId, String changeId, String reason, String rejectedBy,
                                      Instant rejectedAt) {
        this(workerId, changeId, reason, rejectedBy, rejectedAt, null);
    }
}
