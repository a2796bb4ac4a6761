package ru.frmr.kit.crypto;

import java.util.Optional;

/**
 * Encrypts a data subject's personal fields (СНИЛС, passport, contacts) under that subject's own data key,
 * so that {@link #shred(String) shredding} the key makes every copy of those fields unreadable — in the event
 * store, in read models, in backups — while the events themselves stay intact.
 *
 * <p>Tokens look like {@code pd1:<keyGeneration>:<base64url(iv|ciphertext|tag)>}. The subject id is bound as
 * additional authenticated data, so a token copied to another subject does not decrypt.
 */
public interface PersonalDataCipher {

    /** Token prefix; also what {@link #isEncrypted(String)} looks for. */
    String TOKEN_PREFIX = "pd1:";

    /**
     * Encrypts one value; {@code null} stays {@code null}. Creates the subject's data key on first use.
     *
     * @throws SubjectShreddedException when the subject's key was shredded and not {@link #reinstate reinstated}
     */
    String encrypt(String subjectId, String plaintext);

    /**
     * Decrypts a token of this subject.
     *
     * @return the plaintext, or empty when the subject's key of the token's generation is gone (shredded, or
     *         its record deleted) or the token is {@code null}
     * @throws PersonalDataIntegrityException when the token is malformed, tampered with, or belongs to another
     *                                        subject
     */
    Optional<String> decrypt(String subjectId, String token);

    /**
     * Opens a stored value that may predate sealing: a token is decrypted, a value without the token prefix
     * (stored before the service sealed personal data) is taken as it is.
     *
     * @return the plain value; empty for {@code null} and when the key that sealed the token is gone
     */
    default Optional<String> open(String subjectId, String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        return isEncrypted(stored) ? decrypt(subjectId, stored) : Optional.of(stored);
    }

    /** Whether the value looks like a token of this cipher (a cheap prefix check, not a validation). */
    default boolean isEncrypted(String value) {
        return value != null && value.startsWith(TOKEN_PREFIX);
    }

    /**
     * Deletes the subject's data key and leaves a tombstone, so that a later {@link #encrypt} fails instead of
     * silently creating a fresh key. Idempotent; also valid for a subject that never had a key.
     */
    void shred(String subjectId);

    /**
     * The explicit decision to hold personal data of a shredded subject again (a worker who returns after
     * erasure keeps the same id): creates a key of the next generation. Values encrypted before the shred stay
     * unreadable. A no-op when the subject is not shredded.
     */
    void reinstate(String subjectId);
}
