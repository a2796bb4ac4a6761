package ru.frmr.kit.crypto;

import java.util.Optional;

/** Where the wrapped data keys live; implementations must be safe with several replicas writing at once. */
public interface DataKeyStore {

    Optional<StoredDataKey> find(String subjectId);

    /** Inserts a live record unless the subject already has one (live or shredded); false when it had. */
    boolean insertIfAbsent(StoredDataKey key);

    /** Removes the key material and leaves a tombstone; creates a tombstone for a subject never seen. */
    void shred(String subjectId);

    /**
     * Replaces a tombstone of generation {@code replacement.generation() - 1} by the live record; false when
     * the record is not that tombstone any more (another replica reinstated first, or it is live).
     */
    boolean replaceTombstone(StoredDataKey replacement);

    /**
     * Re-wraps a live key under another master key, if the record is still {@code current} (same generation and
     * master key id); false when it changed meanwhile (shredded, reinstated or re-wrapped by another replica).
     */
    boolean rewrap(StoredDataKey current, String masterKeyId, byte[] wrappedKey);
}
