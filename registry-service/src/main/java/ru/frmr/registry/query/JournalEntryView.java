package ru.frmr.registry.query;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.RecordSection;

/**
 * One line of a worker's change journal, keyed by the id of the event it records.
 *
 * @param action SUBMITTED, APPROVED or REJECTED (moderation); RECORDED, CORRECTED or ENDED (employment); UPDATED
 *               (the worker's own contacts, section {@code CONTACTS}, without the values)
 * @param actor  who did it ({@code account:<id>})
 * @param reason why a change was rejected; null otherwise
 */
@Document(JournalEntryView.COLLECTION)
public record JournalEntryView(@Id String id, String workerId, String changeId, RecordSection section, String entryId,
                               ChangeKind kind, String action, String actor, Instant at, String reason) {

    public static final String COLLECTION = "change_journal";
}
