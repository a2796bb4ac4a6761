package ru.frmr.auth.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.kit.crypto.PersonalDataIntegrityException;
import ru.frmr.kit.crypto.SubjectShreddedException;

/**
 * A deterministic stand-in for the kit's AES-GCM cipher in unit tests: the same subject, generation and value
 * give the same token, so aggregate fixtures can compare events. Keeps the real cipher's contract: shredded
 * subjects refuse to encrypt and open nothing; a reinstated subject gets the next generation.
 */
public final class FakePersonalDataCipher implements PersonalDataCipher {

    private final Map<String, Long> generations = new HashMap<>();
    private final Set<String> shredded = new HashSet<>();

    @Override
    public String encrypt(String subjectId, String plaintext) {
        if (shredded.contains(subjectId)) {
            throw new SubjectShreddedException(subjectId);
        }
        if (plaintext == null) {
            return null;
        }
        return token(generations.computeIfAbsent(subjectId, s -> 1L), subjectId, plaintext);
    }

    /** The token this cipher makes for a value of a subject at a key generation. */
    public static String token(long generation, String subjectId, String plaintext) {
        return TOKEN_PREFIX + generation + ":" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString((subjectId + "|" + plaintext).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Optional<String> decrypt(String subjectId, String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split(":", 3);
        long generation = Long.parseLong(parts[1]);
        if (shredded.contains(subjectId) || generation < generations.getOrDefault(subjectId, 0L)) {
            return Optional.empty();
        }
        String sealed = new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8);
        if (!sealed.startsWith(subjectId + "|")) {
            throw new PersonalDataIntegrityException("another subject's token");
        }
        return Optional.of(sealed.substring(subjectId.length() + 1));
    }

    @Override
    public void shred(String subjectId) {
        shredded.add(subjectId);
    }

    @Override
    public void reinstate(String subjectId) {
        if (shredded.remove(subjectId)) {
            generations.merge(subjectId, 1L, Long::sum);
        }
    }
}
