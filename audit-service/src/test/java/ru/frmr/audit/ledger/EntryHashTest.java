package ru.frmr.audit.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EntryHashTest {

    private static final AuditedEvent EVENT = new AuditedEvent("0b1e6f5c-2d4a-4c1e-9a57-3f0c2b8d9e11",
            "ru.frmr.registry.ProfileUpdated.v1", "/frmr/registry-service", "worker-42",
            Instant.parse("2025-03-01T10:15:30.123Z"), "user-7", "frmr.registry.events",
            Sha256.hex("{\"workerId\":\"worker-42\"}".getBytes(StandardCharsets.UTF_8)));
    private static final String PREVIOUS = "ab".repeat(32);
    private static final Instant RECORDED = Instant.parse("2025-03-01T10:15:31.456Z");

    // Computed outside Java from the canonical form in EntryHash's javadoc: the code and the documented
    // form agree, and the value never changes silently (it would invalidate every stored chain).
    @Test
    void fixedEntryHasAKnownHash() {
        assertThat(EntryHash.of(7, EVENT, PREVIOUS, RECORDED))
                .isEqualTo("ea78ec53e8a789e36f4ffb93afe75d4edd45be51db55c34d65397cd14b150efd");
    }

    @Test
    void absentFieldIsWrittenAsLengthMinusOne() {
        AuditedEvent noActor = new AuditedEvent(EVENT.eventId(), EVENT.type(), EVENT.source(), EVENT.subject(),
                EVENT.time(), null, EVENT.topic(), EVENT.payloadDigest());
        assertThat(EntryHash.of(7, noActor, PREVIOUS, RECORDED))
                .isEqualTo("835aa010ead0e8c4913d859dbb4f9347f576e7f483a347c82578f1c46a45042b");
    }

    @Test
    void changingAnyFieldChangesTheHash() {
        AuditedEvent e = EVENT;
        List<String> hashes = List.of(
                EntryHash.of(7, e, PREVIOUS, RECORDED),
                EntryHash.of(8, e, PREVIOUS, RECORDED),
                EntryHash.of(7, new AuditedEvent("other", e.type(), e.source(), e.subject(), e.time(), e.actor(),
                        e.topic(), e.payloadDigest()), PREVIOUS, RECORDED),
                EntryHash.of(7, new AuditedEvent(e.eventId(), "other", e.source(), e.subject(), e.time(), e.actor(),
                        e.topic(), e.payloadDigest()), PREVIOUS, RECORDED),
                EntryHash.of(7, new AuditedEvent(e.eventId(), e.type(), "other", e.subject(), e.time(), e.actor(),
                        e.topic(), e.payloadDigest()), PREVIOUS, RECORDED),
                EntryHash.of(7, LedgerMother.withSubject(e, "worker-43"), PREVIOUS, RECORDED),
                EntryHash.of(7, new AuditedEvent(e.eventId(), e.type(), e.source(), e.subject(),
                        e.time().plusMillis(1), e.actor(), e.topic(), e.payloadDigest()), PREVIOUS, RECORDED),
                EntryHash.of(7, new AuditedEvent(e.eventId(), e.type(), e.source(), e.subject(), e.time(), "other",
                        e.topic(), e.payloadDigest()), PREVIOUS, RECORDED),
                EntryHash.of(7, new AuditedEvent(e.eventId(), e.type(), e.source(), e.subject(), e.time(), e.actor(),
                        "frmr.public.events", e.payloadDigest()), PREVIOUS, RECORDED),
                EntryHash.of(7, new AuditedEvent(e.eventId(), e.type(), e.source(), e.subject(), e.time(), e.actor(),
                        e.topic(), "cd".repeat(32)), PREVIOUS, RECORDED),
                EntryHash.of(7, e, "ac".repeat(32), RECORDED),
                EntryHash.of(7, e, PREVIOUS, RECORDED.plusMillis(1)));
        assertThat(new HashSet<>(hashes)).hasSize(hashes.size());
    }

    @Test
    void fieldBoundariesAndAbsenceAreUnambiguous() {
        Set<String> hashes = new HashSet<>();
        hashes.add(EntryHash.of(1, withSubjectAndActor("ab", "c"), PREVIOUS, RECORDED));
        hashes.add(EntryHash.of(1, withSubjectAndActor("a", "bc"), PREVIOUS, RECORDED));
        hashes.add(EntryHash.of(1, withSubjectAndActor("", "abc"), PREVIOUS, RECORDED));
        hashes.add(EntryHash.of(1, withSubjectAndActor(null, "abc"), PREVIOUS, RECORDED));
        hashes.add(EntryHash.of(1, withSubjectAndActor("abc", null), PREVIOUS, RECORDED));
        hashes.add(EntryHash.of(1, withSubjectAndActor("abc", ""), PREVIOUS, RECORDED));
        assertThat(hashes).hasSize(6);
    }

    @Test
    void timesAreHashedAtTheMillisecondsTheStoreKeeps() {
        AuditedEvent precise = new AuditedEvent(EVENT.eventId(), EVENT.type(), EVENT.source(), EVENT.subject(),
                EVENT.time().plusNanos(999_999), EVENT.actor(), EVENT.topic(), EVENT.payloadDigest());
        LedgerEntry entry = LedgerEntry.create(7, precise, PREVIOUS, RECORDED.plusNanos(1_000));
        assertThat(entry.hash()).isEqualTo("ea78ec53e8a789e36f4ffb93afe75d4edd45be51db55c34d65397cd14b150efd");
    }

    private static AuditedEvent withSubjectAndActor(String subject, String actor) {
        return new AuditedEvent(EVENT.eventId(), EVENT.type(), EVENT.source(), subject, EVENT.time(), actor,
                EVENT.topic(), EVENT.payloadDigest());
    }
}
