package ru.frmr.registry.web;

import java.time.Instant;

import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.RecordSection;
import ru.frmr.registry.query.JournalEntryView;

/** One line of the change journal. */
public record JournalEntryResponse(String changeId, RecordSection section, String entryId, ChangeKind kind,
                                   String action, String actor, Instant at, String reason) {

    static JournalEntryResponse of(JournalEntryView v) {
        return new JournalEntryResponse(v.changeId(), v.section(), v.entryId(), v.kind(), v.action(), v.actor(),
                v.at(), v.reason());
    }
}
