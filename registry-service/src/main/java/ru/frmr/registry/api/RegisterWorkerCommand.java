package ru.frmr.registry.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a worker's record. {@code snils} is the 11-digit form; the worker id is derived from it.
 * {@code mobile} ({@code +7XXXXXXXXXX}) may be null.
 */
public record RegisterWorkerCommand(@TargetAggregateIdentifier String workerId, String lastName, String firstName,
                                    String middleName, LocalDate birthDate, String snils, String email,
                                    String mobile) {

    @Override
    public String toString() {
        return "RegisterWorkerCommand[workerId=" + workerId + "]";
    }
}
