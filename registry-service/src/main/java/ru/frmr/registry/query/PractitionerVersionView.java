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
 * <p>The feed shows ({@code shown}) the versions of people the register lists, and one deletion entry each time a
 * listed person leaves it (account blocked, last qualifying entry removed, personal data erased). The projection
 * also keeps, unshown, the state of people the register does not list (yet), so the next event applies to it; a
 * person never listed never appears in the feed.
 *
 * @param eventId        the event that made this version; the key, so a re-delivered event adds nothing
 * @param position       the feed's order: {@code lastUpdated} as 15-digit epoch milliseconds, {@code -}, the event
 *                       id. Unique, and the same whenever the feed is rebuilt from the events
 * @param versionId      the record's event sequence number after the event, plus one: grows with every version of
 *                       one worker (shown versions have gaps), and says which events a stored version already holds
 * @param lastUpdated    the event's time, to the millisecond
 * @param created        whether this version puts the person (back) into the register
 * @param shown          whether the feed shows this version
 * @param deleted        whether the person is out of the register as of this version; a shown one is a deletion
 * @param accountBlocked whether the login account is blocked, as auth-service last reported it
 * @param erased         whether the personal data were erased: the person never returns, and the name is gone
 */
@Document(PractitionerVersionView.COLLECTION)
public record PractitionerVersionView(@Id String eventId, String position, String workerId, long versionId,
                                      Instant lastUpdated, boolean created, String lastName, String firstName,
                                      String middleName, List<PublicEntry> entries, boolean shown, boolean deleted,
                                      boolean accountBlocked, boolean erased) {

    public static final String COLLECTION = "practitioner_history";

    public PractitionerVersionView {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** The position at which versions of {@code time} start: what {@code _since} compares with. */
    public static String positionAt(Instant time) {
        return String.format("%015d", time.truncatedTo(ChronoUnit.MILLIS).toEpochMilli());
    }

    /** A newly registered person: not in the register until an approved education or licence. */
    static PractitionerVersionView registered(String eventId, String workerId, long versionId, Instant at,
                                              String lastName, String firstName, String middleName) {
        Instant time = at.truncatedTo(ChronoUnit.MILLIS);
        return new PractitionerVersionView(eventId, positionAt(time) + "-" + eventId, workerId, versionId, time,
                false, lastName, firstName, middleName, List.of(), false, true, false, false);
    }

    /** Whether the register lists the person in this state: see {@code PublicRegisterProjection}. */
    boolean listed() {
        return !erased && !accountBlocked
                && entries.stream().map(PublicEntry::section).anyMatch(RecordSection::admitsToPublicRegister);
    }

    /** The state after an event: with these entries and this account status; shown when the feed must tell it. */
    PractitionerVersionView next(String nextEventId, long nextVersionId, Instant at, List<PublicEntry> nextEntries,
                                 boolean nextAccountBlocked) {
        Instant time = at.truncatedTo(ChronoUnit.MILLIS);
        PractitionerVersionView state = new PractitionerVersionView(nextEventId, positionAt(time) + "-" + nextEventId,
                workerId, nextVersionId, time, false, lastName, firstName, middleName, nextEntries, false, true,
                nextAccountBlocked, false);
        boolean listed = state.listed();
        boolean wasListed = !deleted;
        return new PractitionerVersionView(state.eventId, state.position, workerId, nextVersionId, time,
                listed && !wasListed, lastName, firstName, middleName, nextEntries, listed || wasListed, !listed,
                nextAccountBlocked, false);
    }

    /**
     * The one version left of an erased person: no name, no entries; shown (a deletion) when the person was ever
     * in the feed, so that subscribers drop what they hold.
     */
    PractitionerVersionView erased(String nextEventId, long nextVersionId, Instant at, boolean everShown) {
        Instant time = at.truncatedTo(ChronoUnit.MILLIS);
        return new PractitionerVersionView(nextEventId, positionAt(time) + "-" + nextEventId, workerId, nextVersionId,
                time, false, null, null, null, List.of(), everShown, true, accountBlocked, true);
    }

    /** Whether the state differs from this one in what the feed or the next event depends on. */
    boolean sameStateAs(PractitionerVersionView other) {
        return entries.equals(other.entries) && accountBlocked == other.accountBlocked && erased == other.erased;
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
        return "PractitionerVersionView[workerId=" + workerId + ", versionId=" + versionId + ", shown=" + shown
                + ", deleted=" + deleted + "]";
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
