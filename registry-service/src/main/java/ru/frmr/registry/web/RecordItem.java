package ru.frmr.registry.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ru.frmr.registry.api.AccreditationEntry;
import ru.frmr.registry.api.CertificateEntry;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.QualificationCategoryEntry;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.RecordSection;
import ru.frmr.registry.query.ChangeStatus;
import ru.frmr.registry.query.ProfileChangeView;

/**
 * One line of a section of the record as the cabinet lists it: an approved entry, or a change of the section that
 * awaits moderation or was turned down.
 *
 * @param entryId       the entry the line is about (a pending or rejected addition has the id the entry would get)
 * @param status        {@code APPROVED}: part of the record; {@code PENDING}: a change awaiting moderation;
 *                      {@code REJECTED}: a change turned down, with {@code reason}
 * @param entry         the approved entry, or the one the change proposes; for a removal, the entry it would remove
 *                      (null once the record no longer holds it)
 * @param endDate       when a certificate, an accreditation or a qualification category ends; null for other
 *                      sections
 * @param expiresInDays days from today to {@code endDate}: 0 on its last day, negative once it has ended
 * @param changeId      the change (for an approved entry: the approval that made it what it is), null if unknown
 * @param changeKind    what the change does ({@code ADD}, {@code CORRECT}, {@code REMOVE}); null for approved lines
 * @param submittedAt   when the change was submitted; null for approved lines
 * @param decidedAt     when it was approved or rejected; null while pending
 * @param reason        why it was rejected; null otherwise
 */
public record RecordItem(String entryId, ChangeStatus status, RecordEntry entry, LocalDate endDate,
                         Long expiresInDays, String changeId, ChangeKind changeKind, Instant submittedAt,
                         Instant decidedAt, String reason) {

    /** The sections a worker keeps entries in, in the cabinet's order. */
    static final List<RecordSection> SECTIONS = List.of(RecordSection.EDUCATION,
            RecordSection.POSTGRADUATE_EDUCATION, RecordSection.ADDITIONAL_EDUCATION, RecordSection.CERTIFICATES,
            RecordSection.ACCREDITATION, RecordSection.QUALIFICATION_CATEGORIES);

    /**
     * Every section, each with its approved entries first (in the record's order), then the pending changes (oldest
     * first), then the rejected ones (newest first).
     *
     * @param changes the worker's changes, oldest first; empty for a reader who may see the approved record only
     */
    static Map<RecordSection, List<RecordItem>> sections(Map<String, RecordEntry> approved,
                                                         List<ProfileChangeView> changes, LocalDate today) {
        Map<RecordSection, List<RecordItem>> sections = new EnumMap<>(RecordSection.class);
        SECTIONS.forEach(section -> sections.put(section, new ArrayList<>()));
        Map<String, ProfileChangeView> lastApproval = new HashMap<>();
        changes.stream().filter(c -> c.status() == ChangeStatus.APPROVED)
                .forEach(c -> lastApproval.put(c.entryId(), c));
        approved.forEach((entryId, entry) -> {
            ProfileChangeView approval = lastApproval.get(entryId);
            add(sections, entry.section(), new RecordItem(entryId, ChangeStatus.APPROVED, entry, endDate(entry),
                    daysLeft(entry, today), approval == null ? null : approval.id(), null, null,
                    approval == null ? null : approval.decidedAt(), null));
        });
        changes.stream().filter(c -> c.status() == ChangeStatus.PENDING)
                .forEach(c -> add(sections, c.section(), ofChange(c, approved, today)));
        changes.stream().filter(c -> c.status() == ChangeStatus.REJECTED)
                .sorted(Comparator.comparing(ProfileChangeView::decidedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .forEach(c -> add(sections, c.section(), ofChange(c, approved, today)));
        sections.replaceAll((section, items) -> List.copyOf(items));
        return sections;
    }

    private static RecordItem ofChange(ProfileChangeView change, Map<String, RecordEntry> approved, LocalDate today) {
        RecordEntry entry = change.kind() == ChangeKind.REMOVE ? approved.get(change.entryId()) : change.entry();
        return new RecordItem(change.entryId(), change.status(), entry, endDate(entry), daysLeft(entry, today),
                change.id(), change.kind(), change.submittedAt(), change.decidedAt(), change.reason());
    }

    private static void add(Map<RecordSection, List<RecordItem>> sections, RecordSection section, RecordItem item) {
        List<RecordItem> items = sections.get(section);
        if (items != null) {
            items.add(item);
        }
    }

    private static LocalDate endDate(RecordEntry entry) {
        if (entry instanceof AccreditationEntry a) {
            return a.endDate();
        }
        if (entry instanceof QualificationCategoryEntry q) {
            return q.endDate();
        }
        return entry instanceof CertificateEntry c ? c.endDate() : null;
    }

    private static Long daysLeft(RecordEntry entry, LocalDate today) {
        LocalDate end = endDate(entry);
        return end == null ? null : ChronoUnit.DAYS.between(today, end);
    }
}
