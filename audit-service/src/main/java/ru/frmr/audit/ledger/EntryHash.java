package ru.frmr.audit.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash that chains ledger entries, reproducible by anyone holding an entry as the API shows it.
 *
 * <p>Canonical form, version 1. SHA-256 is fed the 20 ASCII bytes {@code frmr-audit-ledger-v1}, then these
 * eleven fields in this order:
 * <ol>
 *   <li>{@code sequence} as a decimal number</li>
 *   <li>{@code eventId}</li>
 *   <li>{@code type}</li>
 *   <li>{@code source}</li>
 *   <li>{@code subject}</li>
 *   <li>{@code time} as decimal milliseconds since 1970-01-01T00:00:00Z</li>
 *   <li>{@code actor}</li>
 *   <li>{@code topic}</li>
 *   <li>{@code payloadDigest}</li>
 *   <li>{@code previousHash}</li>
 *   <li>{@code recordedAt} as decimal milliseconds since 1970-01-01T00:00:00Z</li>
 * </ol>
 * Each field is written as a 4-byte big-endian signed length followed by that many bytes of its UTF-8
 * text; an absent field is the length -1 with no bytes. The hash is the lowercase hex of the digest.
 * Length prefixes make the form unambiguous: two entries that differ in any field, even by moving
 * characters from one field into the next or by an empty versus an absent value, never give the same bytes.
 */
public final class EntryHash {

    /** The {@code previousHash} of entry 1: 64 zeros, a value no SHA-256 hex of real input is expected to be. */
    public static final String GENESIS = "0".repeat(64);

    private static final byte[] DOMAIN = "frmr-audit-ledger-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int ABSENT = -1;

    private EntryHash() {
    }

    public static String of(long sequence, AuditedEvent event, String previousHash, Instant recordedAt) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(DOMAIN);
        field(digest, Long.toString(sequence));
        field(digest, event.eventId());
        field(digest, event.type());
        field(digest, event.source());
        field(digest, event.subject());
        field(digest, epochMillis(event.time()));
        field(digest, event.actor());
        field(digest, event.topic());
        field(digest, event.payloadDigest());
        field(digest, previousHash);
        field(digest, epochMillis(recordedAt));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, String value) {
        if (value == null) {
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(ABSENT).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static String epochMillis(Instant instant) {
        return instant == null ? null : Long.toString(instant.toEpochMilli());
    }
}
