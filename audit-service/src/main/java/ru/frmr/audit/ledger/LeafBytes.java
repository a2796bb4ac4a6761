package ru.frmr.audit.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The exact bytes of an entry that the Merkle tree hashes as its leaf (RFC 9162: leaf hash = SHA-256(0x00 ‖ these
 * bytes)); the one place they are defined. Canonical form, version 1: the 18 ASCII bytes {@code frmr-audit-leaf-v1},
 * then the eleven fields {@link EntryHash} chains (sequence, eventId, type, source, subject, time, actor, topic,
 * payloadDigest, previousHash, recordedAt) and, twelfth, the entry's chain {@code hash}, each written as
 * {@link EntryHash} writes a field (4-byte big-endian signed length and the UTF-8 bytes; -1 alone when absent).
 * Holding the chain hash, a leaf commits to the whole chain before it too.
 */
public final class LeafBytes {

    private static final byte[] DOMAIN = "frmr-audit-leaf-v1".getBytes(StandardCharsets.US_ASCII);

    private LeafBytes() {
    }

    public static byte[] of(LedgerEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        bytes.writeBytes(DOMAIN);
        for (String value : EntryHash.fields(entry.sequence(), entry.event(), entry.previousHash(),
                entry.recordedAt())) {
            bytes.writeBytes(EntryHash.encodedField(value));
        }
        bytes.writeBytes(EntryHash.encodedField(entry.hash()));
        return bytes.toByteArray();
    }
}
