package ru.frmr.kit.identity;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

/**
 * The worker id formula used before registry numbers: a name UUID of HMAC-SHA256(key, СНИЛС). Records and
 * accounts created then still carry such ids, so this formula survives only to find them again: the registry
 * indexes such a record under its current {@link SnilsIndexKeys} key the first time the person shows up, and
 * auth-service reads the key's subject of events stored before revision 2. It is configured
 * ({@code frmr.identity.legacy-worker-id-key}) only where such data exist; no new identifier is made with it.
 */
public class LegacyWorkerIds {

    public static final String PROPERTY = "frmr.identity.legacy-worker-id-key";

    private final SecretKeySpec key;

    public LegacyWorkerIds(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException(PROPERTY + " must be at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** @param snilsDigits the 11 digits of a checksum-valid СНИЛС */
    public String idFor(String snilsDigits) {
        return UUID.nameUUIDFromBytes(SnilsIndexKeys.hmac(key, snilsDigits)).toString();
    }

    @Override
    public String toString() {
        return "LegacyWorkerIds[key hidden]";
    }
}
