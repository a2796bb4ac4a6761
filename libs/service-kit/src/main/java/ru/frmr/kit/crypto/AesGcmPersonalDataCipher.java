package ru.frmr.kit.crypto;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PersonalDataCipher} with AES-256-GCM: one random data key per subject, wrapped under the master key in
 * a {@link DataKeyStore}, unwrapped keys cached for a bounded time.
 *
 * <p>Several replicas: key creation is insert-if-absent on the subject id, so racing replicas end with one key
 * and the loser uses the winner's. A shred on one replica reaches the others when their cached entry for that
 * subject expires, i.e. within the cache TTL; with a TTL of zero every call reads the key collection and a
 * shred is seen at once everywhere.
 *
 * <p>Master key rotation: a key wrapped under a retired master key (still listed among the previous keys) is
 * unwrapped with it and re-wrapped under the current one the first time it is loaded.
 */
public class AesGcmPersonalDataCipher implements PersonalDataCipher {

    private static final Logger log = LoggerFactory.getLogger(AesGcmPersonalDataCipher.class);
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64_DECODER = Base64.getUrlDecoder();

    private final MasterKeyRing masterKeys;
    private final DataKeyStore store;
    private final DataKeyCache cache;

    /**
     * @param cacheTtl     how long an unwrapped key (or a shred) is trusted without reading the store; this bounds
     *                     how long other replicas keep decrypting after a shred
     * @param cacheEntries at most this many subjects' keys are held in memory
     */
    public AesGcmPersonalDataCipher(MasterKeyRing masterKeys, DataKeyStore store, Clock clock, Duration cacheTtl,
            int cacheEntries) {
        this.masterKeys = masterKeys;
        this.store = store;
        this.cache = new DataKeyCache(clock, cacheTtl, cacheEntries);
    }

    @Override
    public String encrypt(String subjectId, String plaintext) {
        requireSubject(subjectId);
        if (plaintext == null) {
            return null;
        }
        // A cached shred is re-read: another replica may have reinstated the subject since.
        SubjectKey key = cache.get(subjectId).filter(k -> !k.shredded()).orElseGet(() -> loadOrCreate(subjectId));
        if (key.shredded()) {
            throw new SubjectShreddedException(subjectId);
        }
        byte[] sealed = AesGcm.seal(key.key(), plaintext.getBytes(StandardCharsets.UTF_8),
                aad(subjectId, key.generation()));
        return TOKEN_PREFIX + key.generation() + ":" + BASE64.encodeToString(sealed);
    }

    @Override
    public Optional<String> decrypt(String subjectId, String token) {
        requireSubject(subjectId);
        if (token == null) {
            return Optional.empty();
        }
        Token parsed = Token.parse(token);
        Optional<SubjectKey> cached = cache.get(subjectId);
        SubjectKey key = cached.filter(k -> k.generation() == parsed.generation())
                .or(() -> load(subjectId))
                .orElse(null);
        if (key == null || parsed.generation() < key.generation() || key.shredded()) {
            // No key record, an older generation, or a tombstone: the key that sealed this value is gone.
            return Optional.empty();
        }
        if (parsed.generation() > key.generation()) {
            throw new PersonalDataIntegrityException("The token names a key generation this subject never had");
        }
        try {
            return Optional.of(new String(AesGcm.open(key.key(), parsed.sealed(), aad(subjectId, key.generation())),
                    StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            throw new PersonalDataIntegrityException(
                    "The token was altered or belongs to another subject (authentication tag mismatch)", e);
        }
    }

    @Override
    public void shred(String subjectId) {
        requireSubject(subjectId);
        store.shred(subjectId);
        cache.invalidate(subjectId);
        log.info("Personal data key shredded subject={}", subjectId);
    }

    @Override
    public void reinstate(String subjectId) {
        requireSubject(subjectId);
        Optional<StoredDataKey> stored = store.find(subjectId);
        if (stored.isPresent() && stored.get().shredded()) {
            long generation = stored.get().generation() + 1;
            SecretKey dataKey = AesGcm.newKey();
            boolean replaced = store.replaceTombstone(new StoredDataKey(subjectId, generation,
                    masterKeys.currentId(), masterKeys.wrap(dataKey, subjectId, generation)));
            if (replaced) {
                log.info("Personal data key reinstated subject={} generation={}", subjectId, generation);
            }
        }
        cache.invalidate(subjectId);
    }

    private Optional<SubjectKey> load(String subjectId) {
        Optional<SubjectKey> key = store.find(subjectId).map(this::unwrap);
        key.ifPresent(cache::put);
        return key;
    }

    private SubjectKey loadOrCreate(String subjectId) {
        return load(subjectId).orElseGet(() -> {
            SecretKey dataKey = AesGcm.newKey();
            StoredDataKey created = new StoredDataKey(subjectId, 1, masterKeys.currentId(),
                    masterKeys.wrap(dataKey, subjectId, 1));
            if (store.insertIfAbsent(created)) {
                SubjectKey key = new SubjectKey(subjectId, 1, dataKey);
                cache.put(key);
                return key;
            }
            // Another replica created it (or shredded the subject) first; its record wins.
            return load(subjectId).orElseThrow(() -> new IllegalStateException(
                    "The data key of subject " + subjectId + " neither inserts nor reads back"));
        });
    }

    private SubjectKey unwrap(StoredDataKey stored) {
        if (stored.shredded()) {
            return new SubjectKey(stored.subjectId(), stored.generation(), null);
        }
        SecretKey dataKey = masterKeys.unwrap(stored.masterKeyId(), stored.wrappedKey(), stored.subjectId(),
                stored.generation());
        if (!stored.masterKeyId().equals(masterKeys.currentId())) {
            // Lazy rotation: once every live key is re-wrapped, the retired master key can be dropped.
            store.rewrap(stored, masterKeys.currentId(), masterKeys.wrap(dataKey, stored.subjectId(),
                    stored.generation()));
        }
        return new SubjectKey(stored.subjectId(), stored.generation(), dataKey);
    }

    private static byte[] aad(String subjectId, long generation) {
        return (TOKEN_PREFIX + generation + ":" + subjectId).getBytes(StandardCharsets.UTF_8);
    }

    private static void requireSubject(String subjectId) {
        if (subjectId == null || subjectId.isBlank()) {
            throw new IllegalArgumentException("A subject id is required");
        }
    }

    @Override
    public String toString() {
        return "AesGcmPersonalDataCipher[masterKeyId=" + masterKeys.currentId() + ", store=" + store + "]";
    }

    private record Token(long generation, byte[] sealed) {

        static Token parse(String token) {
            if (!token.startsWith(TOKEN_PREFIX)) {
                throw new PersonalDataIntegrityException("Not a personal data token (expected prefix "
                        + TOKEN_PREFIX + ")");
            }
            int colon = token.indexOf(':', TOKEN_PREFIX.length());
            if (colon < 0) {
                throw new PersonalDataIntegrityException("Malformed personal data token: no key generation");
            }
            long generation;
            byte[] sealed;
            try {
                generation = Long.parseLong(token.substring(TOKEN_PREFIX.length(), colon));
                sealed = BASE64_DECODER.decode(token.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new PersonalDataIntegrityException("Malformed personal data token", e);
            }
            if (generation < 1) {
                throw new PersonalDataIntegrityException("Malformed personal data token: key generation " + generation);
            }
            return new Token(generation, sealed);
        }

        @Override
        public String toString() {
            return "Token[generation=" + generation + "]";
        }
    }
}
