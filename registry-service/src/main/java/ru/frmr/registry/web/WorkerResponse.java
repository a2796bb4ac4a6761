package ru.frmr.registry.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import ru.frmr.registry.api.IdentityDocument;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.Snils;
import ru.frmr.registry.privacy.PersonalDataReader;
import ru.frmr.registry.query.EmploymentView;
import ru.frmr.registry.query.WorkerView;

/**
 * A worker's profile as the cabinet shows it to its owner.
 *
 * @param entries            the approved professional record, by entry id
 * @param pendingChanges     how many submitted changes await moderation
 * @param accountStatus      {@code ACTIVE}, {@code BLOCKED} or {@code PENDING_VERIFICATION}; null before the first
 *                           login
 * @param employments        what employers reported, by employment id; read-only here, ended ones keep their end
 *                           date
 * @param personalDataErased when true, СНИЛС, ИНН, identity document and contacts were erased and are null
 */
public record WorkerResponse(String id, String lastName, String firstName, String middleName, LocalDate birthDate,
                             String snils, String email, String mobile, Instant registeredAt, Instant updatedAt,
                             long version, Map<String, RecordEntry> entries, long pendingChanges,
                             String accountStatus, Map<String, EmploymentView> employments, String gender,
                             String citizenship, String inn, IdentityDocument identityDocument,
                             boolean personalDataErased) {

    /** @param personal opens the view's sealed personal data with the worker's key */
    static WorkerResponse of(WorkerView v, long pendingChanges, String authStatus, PersonalDataReader personal) {
        String snils = personal.open(v.snils());
        String email = personal.open(v.email());
        String mobile = personal.open(v.mobile());
        String inn = personal.open(v.inn());
        IdentityDocument document = personal.open(v.identityDocument());
        // The view may not have seen the erasure yet while the key is already gone: the key decides.
        boolean erased = Boolean.TRUE.equals(v.personalDataErased()) || personal.keyGone();
        return new WorkerResponse(v.id(), v.lastName(), v.firstName(), v.middleName(), v.birthDate(),
                erased ? null : Snils.parse(snils).map(Snils::formatted).orElse(snils), erased ? null : email,
                erased ? null : mobile, v.registeredAt(), v.updatedAt(), v.version(),
                v.entries() == null ? Map.of() : v.entries(), pendingChanges, cabinetStatus(authStatus),
                v.employments() == null ? Map.of() : v.employments(), v.gender(), v.citizenship(),
                erased ? null : inn, erased ? null : document, erased);
    }

    /** auth-service says NEEDS_CONFIRMATION; the cabinet's wording is "pending verification". */
    private static String cabinetStatus(String authStatus) {
        return "NEEDS_CONFIRMATION".equals(authStatus) ? "PENDING_VERIFICATION" : authStatus;
    }

    @Override
    public String toString() {
        return "WorkerResponse[id=" + id + "]";
    }
}
