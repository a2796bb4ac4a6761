package ru.frmr.audit.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test data: events and correctly chained entries. */
final class LedgerMother {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private LedgerMother() {
    }

    static AuditedEvent event(int n) {
        return new AuditedEvent("event-" + n, "ru.frmr.registry.ProfileUpdated.v1", "/frmr/registry-service",
                "worker-" + (n % 3), T0.plusSeconds(n), "actor-" + n, "frmr.registry.events",
                Sha256.hex(("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8)));
    }

    /** Entries 1..count, each linked to the one before, as the ledger would have appended them. */
    static List<LedgerEntry> chain(int count) {
        List<LedgerEntry> entries = new ArrayList<>();
        String previousHash = EntryHash.GENESIS;
        for (int n = 1; n <= count; n++) {
            LedgerEntry entry = LedgerEntry.create(n, event(n), previousHash, T0.plusSeconds(n).plusMillis(5));
            entries.add(entry);
            previousHash = entry.hash();
        }
        return entries;
    }

    static AuditedEvent withSubject(AuditedEvent e, String subject) {
        return new AuditedEvent(e.eventId(), e.type(), e.source(), subject, e.time(), e.actor(), e.topic(),
                e.payloadDigest());
    }
}
