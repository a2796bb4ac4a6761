package ru.frmr.registry.web;

import java.time.Instant;
import java.time.LocalDate;

import ru.frmr.registry.query.WorkerView;

/** A worker's profile as the cabinet shows it to its owner. */
public record WorkerResponse(String id, String lastName, String firstName, String middleName, LocalDate birthDate,
                             String snils, String email, String mobile, Instant registeredAt, Instant updatedAt,
                             long version) {

    static WorkerResponse of(WorkerView v) {
        return new WorkerResponse(v.id(), v.lastName(), v.firstName(), v.middleName(), v.birthDate(), v.snils(),
                v.email(), v.mobile(), v.registeredAt(), v.updatedAt(), v.version());
    }

    @Override
    public String toString() {
        return "WorkerResponse[id=" + id + "]";
    }
}
