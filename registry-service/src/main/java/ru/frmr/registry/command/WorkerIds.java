package ru.frmr.registry.command;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import ru.frmr.registry.api.Snils;

/**
 * A worker's id is derived from their СНИЛС with a keyed hash: the same person always maps to the same
 * aggregate, so the event store's unique (aggregate id, sequence) index rejects a second registration
 * atomically, on any number of replicas, and the id reveals nothing about the СНИЛС without the key.
 */
public class WorkerIds {

    private final SecretKeySpec key;

    public WorkerIds(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("frmr.registry.worker-id-key must be at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String idFor(Snils snils) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(snils.digits().getBytes(StandardCharsets.US_ASCII));
            return UUID.nameUUIDFromBytes(digest).toString();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
