package ru.frmr.registry.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * Domain event (private to the registry's event store). {@code snils}: 11 digits; {@code mobile} is absent
 * (null) in events stored before it was recorded at registration.
 */
@Revision("1")
public record WorkerRegisteredEvent(String workerId, String lastName, String firstName, String middleName,
                                    LocalDate birthDate, String snils, String email,
                                    String mobile) {

    @Override
    public String toString() {
        return "WorkerRegisteredEvent[workerId=" + workerId + "]";
    }
}
