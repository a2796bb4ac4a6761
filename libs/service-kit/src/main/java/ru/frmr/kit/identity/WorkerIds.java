package ru.frmr.kit.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;


/**
 * A worker's id is derived from their СНИЛС with a keyed hash: the same person always maps to the same
 * aggregate, so the event store's unique (aggregate id, sequence) index rejects a second registration
 * atomically, on any number of replicas, and the id reveals nothing about the СНИЛС without the key.
 * auth-service derives the same id at first login, so the token it issues names the record the registry
 * creates. Both read the key from {@code frmr.identity.worker-id-key}.
 */
public class WorkerIds {

    private final SecretKeySpec key;

    public WorkerIds(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("frmr.identity.worker-id-key must be at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** @param snilsDigits the 11 digits of a checksum-valid СНИЛС */
    public String idFor(String snilsDigits) {
        if (snilsDigits == null || !snilsDigits.matches("\\d{11}")) {
            throw new IllegalArgumentException("СНИЛС must be 11 digits");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(snilsDigits.getBytes(StandardCharsets.US_ASCII));
            return UUID.nameUUIDFromBytes(digest).toString();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
