package ru.frmr.registry.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** Domain event (private to the registry's event store). {@code snils}: 11 digits. */
@Revision("1")
public record WorkerRegisteredEvent(String workerId, String lastName, String firstName, String middleName,
                                    LocalDate birthDate, String snils, String email) {

    @Override
    public String toString() {
        return "WorkerRegisteredEvent[workerId=" + workerId + "]";
    }
}
