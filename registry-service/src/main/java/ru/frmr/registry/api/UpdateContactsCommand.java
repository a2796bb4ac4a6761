package ru.frmr.registry.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the worker's own contacts. {@code mobile} may be null (none). */
public record UpdateContactsCommand(@TargetAggregateIdentifier String workerId, String email, String mobile) {

    @Override
    public String toString() {
        return "UpdateContactsCommand[workerId=" + workerId + "]";
    }
}
