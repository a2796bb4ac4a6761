package ru.frmr.registry.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * Domain event (private to the registry's event store). Revision 2 moved СНИЛС and contacts into
 * {@code personalData}, sealed, and added ИНН, identity document, gender and citizenship; revision-1 events
 * are upcast ({@code WorkerRegisteredEventUpcaster}).
 *
 * @param gender      {@code M}, {@code F} or null
 * @param citizenship ISO 3166-1 alpha-3 or null
 */
@Revision("2")
public record WorkerRegisteredEvent(String workerId, String lastName, String firstName, String middleName,
                                    LocalDate birthDate, String gender, String citizenship,
                                    SealedPersonalData personalData) {

    @Override
    public String toString() {
        return "WorkerRegisteredEvent[workerId=" + workerId + "]";
    }
}
