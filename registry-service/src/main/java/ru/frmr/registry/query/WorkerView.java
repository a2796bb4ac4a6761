package ru.frmr.registry.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.SealedIdentityDocument;
import ru.frmr.registry.api.SealedPersonalData;

/**
 * Read model of a worker's profile, as the cabinet shows it.
 *
 * @param snils              like {@code email}, {@code mobile}, {@code inn} and {@code identityDocument}: sealed
 *                           under the worker's key, as the events hold them (see {@link SealedPersonalData});
 *                           unset once erased
 * @param entries            the approved professional record, by entry id
 * @param employments        what employers reported, by the employer's employment id (ended ones too)
 * @param version            sequence number of the last event applied; guards against re-applying older events
 * @param personalDataErased true once the worker's personal data key was shredded; null in views written before
 *                           erasure existed
 * @param nameKey            the name as the worker lookup matches it ({@link NameKey}); null in views written before
 *                           the lookup existed, until the {@code worker-view} projection is replayed
 */
@Document(WorkerView.COLLECTION)
public record WorkerView(@Id String id, String lastName, String firstName, String middleName, LocalDate birthDate,
                         String snils, String email, String mobile, Instant registeredAt, Instant updatedAt,
                         long version, Map<String, RecordEntry> entries, Map<String, EmploymentView> employments,
                         String gender, String citizenship, String inn, SealedIdentityDocument identityDocument,
                         Boolean personalDataErased, String nameKey) {

    public static final String COLLECTION = "worker_views";

    @Override
    public String toString() {
        return "WorkerView[id=" + id + ", version=" + version + "]";
    }
}
