package ru.frmr.registry.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.frmr.registry.api.AccreditationEntry;
import ru.frmr.registry.api.CertificateEntry;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.EducationEntry;
import ru.frmr.registry.api.QualificationCategoryEntry;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.RecordSection;

/**
 * One version of a worker's public register entry (the FHIR {@code Practitioner}), as of the event that made it:
 * the change feed behind {@code /fhir/Practitioner/_history}. Holds public data only: the name and, of each
 * approved entry, its section, specialty and end date; never diploma or certificate numbers, СНИЛС, contacts or
 * the birth date.
 *
 * @param eventId     the event that made this version; the key, so a re-delivered event adds nothing
 * @param position    the feed's order: {@code lastUpdated} as 15-digit epoch milliseconds, {@code -}, the event id.
 *                    Unique, and the same whenever the feed is rebuilt from the events
 * @param versionId   the record's profile version after the event; grows with every version of one worker
 * @param lastUpdated the event's time, to the millisecond
 * @param created     whether this is the worker's first version (the registration)
 */
@Document(PractitionerVersionView.COLLECTION)
public record PractitionerVersionView(@Id String eventId, String position, String workerId, long versionId,
                                      Instant lastUpdated, boolean created, String lastName, String firstName,
                                      String middleName, List<PublicEntry> entries) {

    public static final String COLLECTION = "practitioner_history";

    public PractitionerVersionView {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** The position at which versions of {@code time} start: what {@code _since} compares with. */
    public static String positionAt(Instant time) {
        return String.format("%015d", time.truncatedTo(ChronoUnit.MILLIS).toEpochMilli());
    }

    static PractitionerVersionView registered(String eventId, String workerId, Instant at, String lastName,
                                              String firstName, String middleName) {
        Instant time = at.truncatedTo(ChronoUnit.MILLIS);
        return new PractitionerVersionView(eventId, positionAt(time) + "-" + eventId, workerId, 1, time, true,
                lastName, firstName, middleName, List.of());
    }

    /** The next version: this one with an approved change applied. */
    PractitionerVersionView next(String nextEventId, long nextVersionId, Instant at, List<PublicEntry> nextEntries) {
        Instant time = at.truncatedTo(ChronoUnit.MILLIS);
        return new PractitionerVersionView(nextEventId, positionAt(time) + "-" + nextEventId, workerId, nextVersionId,
                time, false, lastName, firstName, middleName, nextEntries);
    }

    /** The public entries after an approved change of the record. */
    List<PublicEntry> entriesAfter(ChangeKind kind, String entryId, RecordEntry entry) {
        List<PublicEntry> next = new ArrayList<>(entries);
        int index = indexOf(entryId);
        if (kind == ChangeKind.REMOVE) {
            if (index >= 0) {
                next.remove(index);
            }
        } else if (index >= 0) {
            next.set(index, PublicEntry.of(entryId, entry));
        } else {
            next.add(PublicEntry.of(entryId, entry));
        }
        return next;
    }

    private int indexOf(String entryId) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).entryId().equals(entryId)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "PractitionerVersionView[workerId=" + workerId + ", versionId=" + versionId + "]";
    }

    /**
     * What the public register shows of one approved entry.
     *
     * @param endDate when a certificate or accreditation ends; null for other sections
     */
    public record PublicEntry(String entryId, RecordSection section, String specialtyCode, LocalDate endDate) {

        static PublicEntry of(String entryId, RecordEntry entry) {
            if (entry instanceof CertificateEntry c) {
                return new PublicEntry(entryId, entry.section(), c.specialtyCode(), c.endDate());
            }
            if (entry instanceof AccreditationEntry a) {
                return new PublicEntry(entryId, entry.section(), a.specialtyCode(), a.endDate());
            }
            if (entry instanceof EducationEntry e) {
                return new PublicEntry(entryId, entry.section(), e.specialtyCode(), null);
            }
            if (entry instanceof QualificationCategoryEntry q) {
                return new PublicEntry(entryId, entry.section(), q.specialtyCode(), null);
            }
            return new PublicEntry(entryId, entry.section(), null, null);
        }
    }
}
