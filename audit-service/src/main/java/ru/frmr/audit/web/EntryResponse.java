package ru.frmr.audit.web;

import java.time.Instant;

import ru.frmr.audit.ledger.AuditedEvent;
import ru.frmr.audit.ledger.LedgerEntry;

/** A ledger entry as the API shows it: every field that goes into its hash, and the hash. */
record EntryResponse(long sequence, String eventId, String type, String source, String subject, Instant time,
                     String actor, String topic, String payloadDigest, String previousHash, String hash,
                     Instant recordedAt) {

    static EntryResponse of(LedgerEntry entry) {
        AuditedEvent e = entry.event();
        return new EntryResponse(entry.sequence(), e.eventId(), e.type(), e.source(), e.subject(), e.time(),
                e.actor(), e.topic(), e.payloadDigest(), entry.previousHash(), entry.hash(), entry.recordedAt());
    }
}
