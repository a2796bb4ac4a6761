package ru.frmr.registry.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.frmr.registry.api.RecordEntry;

/**
 * Read model of a worker's profile, as the cabinet shows it.
 *
 * @param entries     the approved professional record, by entry id
 * @param employments what employers reported, by the employer's employment id (ended ones too)
 * @param version     sequence number of the last event applied; guards against re-applying older events
 */
@Document(WorkerView.COLLECTION)
public record WorkerView(@Id String id, String lastName, String firstName, String middleName, LocalDate birthDate,
                         String snils, String email, String mobile, Instant registeredAt, Instant updatedAt,
                         long version, Map<String, RecordEntry> entries, Map<String, EmploymentView> employments) {

    public static final String COLLECTION = "worker_views";

    @Override
    public String toString() {
        return "WorkerView[id=" + id + ", version=" + version + "]";
    }
}
