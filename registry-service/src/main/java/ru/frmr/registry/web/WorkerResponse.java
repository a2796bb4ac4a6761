package ru.frmr.registry.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ru.frmr.registry.api.IdentityDocument;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.RecordSection;
import ru.frmr.registry.api.Snils;
import ru.frmr.registry.privacy.PersonalDataReader;
import ru.frmr.registry.query.EmploymentView;
import ru.frmr.registry.query.WorkerView;

/**
 * A worker's profile as the cabinet shows it: to its owner in full; to an administrator or a supervisor with the
 * СНИЛС masked ({@code ***-***-445 95}).
 *
 * @param snils              in full for the owner only, masked for anyone else; null once erased
 * @param entries            the approved professional record, by entry id
 * @param pendingChanges     how many submitted changes await moderation
 * @param accountStatus      {@code ACTIVE}, {@code BLOCKED} or {@code PENDING_VERIFICATION}; null before the first
 *                           login
 * @param employments        what employers reported, by employment id; read-only here, ended ones keep their end
 *                           date
 * @param personalDataErased when true, СНИЛС, ИНН, identity document and contacts were erased and are null
 * @param sections           every section of the professional record with its approved entries and, for the owner
 *                           and administrators, the changes pending or rejected ({@link RecordItem})
 */
public record WorkerResponse(String id, String lastName, String firstName, String middleName, LocalDate birthDate,
                             String snils, String email, String mobile, Instant registeredAt, Instant updatedAt,
                             long version, Map<String, RecordEntry> entries, long pendingChanges,
                             String accountStatus, Map<String, EmploymentView> employments, String gender,
                             String citizenship, String inn, IdentityDocument identityDocument,
                             boolean personalDataErased, Map<RecordSection, List<RecordItem>> sections) {

    /**
     * @param personal opens the view's sealed personal data with the worker's key
     * @param owner    whether the reader is the worker: only they see their СНИЛС in full
     */
    static WorkerResponse of(WorkerView v, long pendingChanges, String authStatus, PersonalDataReader personal,
                             boolean owner, Map<RecordSection, List<RecordItem>> sections) {
        String snils = personal.open(v.snils());
        String email = personal.open(v.email());
        String mobile = personal.open(v.mobile());
        String inn = personal.open(v.inn());
        IdentityDocument document = personal.open(v.identityDocument());
        // The view may not have seen the erasure yet while the key is already gone: the key decides.
        boolean erased = Boolean.TRUE.equals(v.personalDataErased()) || personal.keyGone();
        return new WorkerResponse(v.id(), v.lastName(), v.firstName(), v.middleName(), v.birthDate(),
                erased ? null : shownSnils(snils, owner), erased ? null : email,
                erased ? null : mobile, v.registeredAt(), v.updatedAt(), v.version(),
                v.entries() == null ? Map.of() : v.entries(), pendingChanges, cabinetStatus(authStatus),
                v.employments() == null ? Map.of() : v.employments(), v.gender(), v.citizenship(),
                erased ? null : inn, erased ? null : document, erased, sections);
    }

    private static String shownSnils(String snils, boolean owner) {
        if (snils == null) {
            return null;
        }
        // A stored value that does not parse (legacy plain text) is hidden whole from anyone but its owner.
        return Snils.parse(snils).map(owner ? Snils::formatted : Snils::masked).orElse(owner ? snils : "***");
    }

    /** auth-service says NEEDS_CONFIRMATION; the cabinet's wording is "pending verification". */
    static String cabinetStatus(String authStatus) {
        return "NEEDS_CONFIRMATION".equals(authStatus) ? "PENDING_VERIFICATION" : authStatus;
    }

    @Override
    public String toString() {
        return "WorkerResponse[id=" + id + "]";
    }
}
