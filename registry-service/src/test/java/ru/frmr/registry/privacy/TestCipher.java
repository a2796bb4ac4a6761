package ru.frmr.registry.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.kit.crypto.PersonalDataIntegrityException;
import ru.frmr.kit.crypto.SubjectShreddedException;

/**
 * A deterministic stand-in for the kit's AES-GCM cipher in unit tests, so that aggregate fixtures can name the
 * exact tokens an event must hold: a token is the prefix and the base64 of subject and value (encoded, not
 * encrypted). Shredding and its consequences behave as the real cipher's do.
 */
public final class TestCipher implements PersonalDataCipher {

    private static final String TEST_GENERATION = "0:";
    private final Set<String> shredded = ConcurrentHashMap.newKeySet();

    /** The token this cipher makes of {@code plaintext} for {@code subjectId}; null for null. */
    public static String sealed(String subjectId, String plaintext) {
        return plaintext == null ? null : TOKEN_PREFIX + TEST_GENERATION + Base64.getUrlEncoder()
                .encodeToString((subjectId + "\n" + plaintext).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String encrypt(String subjectId, String plaintext) {
        if (shredded.contains(subjectId)) {
            throw new SubjectShreddedException(subjectId);
        }
        return sealed(subjectId, plaintext);
    }

    @Override
    public Optional<String> decrypt(String subjectId, String token) {
        if (token == null || shredded.contains(subjectId)) {
            return Optional.empty();
        }
        if (!token.startsWith(TOKEN_PREFIX + TEST_GENERATION)) {
            throw new PersonalDataIntegrityException("Not a token of the test cipher");
        }
        String decoded = new String(Base64.getUrlDecoder().decode(token.substring(
                (TOKEN_PREFIX + TEST_GENERATION).length())), StandardCharsets.UTF_8);
        if (!decoded.startsWith(subjectId + "\n")) {
            throw new PersonalDataIntegrityException("The token belongs to another subject");
        }
        return Optional.of(decoded.substring(subjectId.length() + 1));
    }

    @Override
    public void shred(String subjectId) {
        shredded.add(subjectId);
    }

    @Override
    public void reinstate(String subjectId) {
        shredded.remove(subjectId);
    }

    public boolean isShredded(String subjectId) {
        return shredded.contains(subjectId);
    }
}
