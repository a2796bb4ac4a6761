package ru.frmr.registry.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A registry administrator accepts a pending change into the record.
 *
 * @param moderatorWorkerId the administrator's own registry record ({@code worker_id} of their token), or null
 *                          when they have none: nobody decides changes of their own record
 */
public record ApproveProfileChangeCommand(@TargetAggregateIdentifier String workerId, String changeId,
                                          String approvedBy, Instant approvedAt, String moderatorWorkerId) {

    /** An approval by an administrator who has no registry record of their own. */
    public ApproveProfileChangeCommand(String workerId, String changeId, String approvedBy, Instant approvedAt) {
        this(workerId, changeId, approvedBy, approvedAt, null);
    }
}
