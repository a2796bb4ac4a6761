package ru.frmr.kit.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

/**
 * The master keys that wrap subjects' data keys: the current one wraps new keys, previous ones (after a
 * rotation) only unwrap keys wrapped before it. Each wrapped key is stored with the id of its master key.
 * The wrap is AES-256-GCM with the subject id and key generation as AAD, so a wrapped key cannot be moved to
 * another subject's record.
 */
public final class MasterKeyRing {

    private final String currentId;
    private final Map<String, SecretKey> keys;

    /**
     * @param currentId         id of the current master key, stored with every key it wraps
     * @param currentKeyBase64  base64 of 32 random bytes
     * @param previousKeys      id → base64 key, for unwrapping keys wrapped before a rotation
     */
    public MasterKeyRing(String currentId, String currentKeyBase64, Map<String, String> previousKeys) {
        if (currentId == null || currentId.isBlank()) {
            throw new IllegalArgumentException("frmr.crypto.master-key-id must be set");
        }
        this.currentId = currentId;
        this.keys = new LinkedHashMap<>();
        keys.put(currentId, decode("frmr.crypto.master-key", currentKeyBase64));
        if (previousKeys != null) {
            previousKeys.forEach((id, key) -> {
                if (id.equals(currentId)) {
                    throw new IllegalArgumentException("Master key id " + id + " is both current and previous");
                }
                keys.put(id, decode("frmr.crypto.previous-master-keys." + id, key));
            });
        }
    }

    public String currentId() {
        return currentId;
    }

    byte[] wrap(SecretKey dataKey, String subjectId, long generation) {
        return AesGcm.seal(keys.get(currentId), dataKey.getEncoded(), aad(subjectId, generation));
    }

    SecretKey unwrap(String masterKeyId, byte[] wrapped, String subjectId, long generation) {
        SecretKey master = keys.get(masterKeyId);
        if (master == null) {
            throw new IllegalStateException("The data key of subject " + subjectId + " is wrapped with master key "
                    + masterKeyId + ", which is not configured (frmr.crypto.previous-master-keys)");
        }
        try {
            return AesGcm.key(AesGcm.open(master, wrapped, aad(subjectId, generation)));
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("The data key of subject " + subjectId
                    + " does not unwrap with master key " + masterKeyId + ": wrong key or altered record", e);
        }
    }

    private static byte[] aad(String subjectId, long generation) {
        return ("pdk:" + generation + ":" + subjectId).getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKey decode(String property, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException(property + " must be set");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " is not valid base64");
        }
        if (bytes.length != AesGcm.KEY_BYTES) {
            throw new IllegalArgumentException(property + " must be " + AesGcm.KEY_BYTES + " bytes, base64-encoded");
        }
        return AesGcm.key(bytes);
    }

    @Override
    public String toString() {
        return "MasterKeyRing[current=" + currentId + ", ids=" + keys.keySet() + "]";
    }
}
