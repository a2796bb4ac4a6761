package ru.frmr.audit.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

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
        for (String value : fields(sequence, event, previousHash, recordedAt)) {
            field(digest, value);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The eleven fields, in the order above, as text ({@code null} when absent). */
    static List<String> fields(long sequence, AuditedEvent event, String previousHash, Instant recordedAt) {
        return Arrays.asList(Long.toString(sequence), event.eventId(), event.type(), event.source(), event.subject(),
                epochMillis(event.time()), event.actor(), event.topic(), event.payloadDigest(), previousHash,
                epochMillis(recordedAt));
    }

    private static void field(MessageDigest digest, String value) {
        digest.update(encodedField(value));
    }

    /** A field as it is hashed: 4-byte big-endian signed length, then the UTF-8 bytes; -1 and nothing when absent. */
    static byte[] encodedField(String value) {
        if (value == null) {
            return ByteBuffer.allocate(Integer.BYTES).putInt(ABSENT).array();
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(Integer.BYTES + bytes.length).putInt(bytes.length).put(bytes).array();
    }

    private static String epochMillis(Instant instant) {
        return instant == null ? null : Long.toString(instant.toEpochMilli());
    }
}
