package ru.frmr.kit.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The keys of a service's private СНИЛС lookup index. A digest is HMAC-SHA256(key, СНИЛС) and is always
 * stored with the id of the key that made it ({@link SnilsDigest#keyId}), so the key can be rotated: the
 * current key makes new digests, previous keys only find what was indexed before the rotation, and an entry
 * found under a previous key is re-indexed under the current one. A digest never leaves its service and is
 * never an identifier: the person's identifier is a random registry number.
 *
 * <p>Configured per service ({@value #KEY} = at least 32 random characters, {@value #KEY_ID},
 * {@code frmr.identity.snils-index.previous-keys.<id>}); only the {@code local} and {@code test} profiles carry
 * a development key, so {@link #fromEnvironment} refuses to start a service without one, naming the property.
 */
public final class SnilsIndexKeys {

    public static final String KEY = "frmr.identity.snils-index.key";
    public static final String KEY_ID = "frmr.identity.snils-index.key-id";
    public static final String PREVIOUS_KEYS = "frmr.identity.snils-index.previous-keys";

    private static final Pattern SNILS = Pattern.compile("\\d{11}");
    private static final Pattern KEY_ID_FORM = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final int MIN_KEY_LENGTH = 32;

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    /**
     * @param currentId    id stored beside every digest the current key makes
     * @param currentKey   at least 32 characters
     * @param previousKeys id → key, to find what was indexed before a rotation
     */
    public SnilsIndexKeys(String currentId, String currentKey, Map<String, String> previousKeys) {
        if (currentId == null || !KEY_ID_FORM.matcher(currentId).matches()) {
            throw new IllegalArgumentException(KEY_ID + " must be 1-32 letters, digits, '.', '_' or '-'");
        }
        this.currentId = currentId;
        keys.put(currentId, key(KEY, currentKey));
        if (previousKeys != null) {
            previousKeys.forEach((id, key) -> {
                if (id.equals(currentId)) {
                    throw new IllegalArgumentException("СНИЛС index key id " + id + " is both current and previous");
                }
                keys.put(id, key(PREVIOUS_KEYS + "." + id, key));
            });
        }
    }

    /**
     * The keys from the service's configuration.
     *
     * @throws IllegalStateException naming {@value #KEY} when no key is configured
     */
    public static SnilsIndexKeys fromEnvironment(Environment environment, String service) {
        String key = environment.getProperty(KEY);
        if (key == null || key.isBlank()) {
            throw new IllegalStateException(service + " keeps a private lookup index of СНИЛС and cannot start "
                    + "without its key: set " + KEY + " (environment FRMR_IDENTITY_SNILS_INDEX_KEY, at least "
                    + MIN_KEY_LENGTH + " random characters, e.g. `openssl rand -base64 32`) and " + KEY_ID
                    + " (FRMR_IDENTITY_SNILS_INDEX_KEY_ID)");
        }
        Map<String, String> previous = Binder.get(environment)
                .bind(PREVIOUS_KEYS, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        return new SnilsIndexKeys(environment.getProperty(KEY_ID, "sk-1"), key, previous);
    }

    public String currentId() {
        return currentId;
    }

    /** The digest under the current key: what new index entries are stored under. */
    public SnilsDigest current(String snilsDigits) {
        return digest(currentId, snilsDigits).orElseThrow();
    }

    /** Digests under every configured key, the current one first. */
    public List<SnilsDigest> all(String snilsDigits) {
        List<SnilsDigest> digests = new ArrayList<>();
        keys.keySet().forEach(id -> digests.add(digest(id, snilsDigits).orElseThrow()));
        return digests;
    }

    /** @return empty when no key with this id is configured */
    public Optional<SnilsDigest> digest(String keyId, String snilsDigits) {
        SecretKeySpec key = keys.get(keyId);
        return key == null ? Optional.empty() : Optional.of(new SnilsDigest(keyId,
                Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, snilsDigits))));
    }

    static byte[] hmac(SecretKeySpec key, String snilsDigits) {
        if (snilsDigits == null || !SNILS.matcher(snilsDigits).matches()) {
            throw new IllegalArgumentException("СНИЛС must be 11 digits");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(snilsDigits.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static SecretKeySpec key(String property, String secret) {
        if (secret == null || secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException(property + " must be at least " + MIN_KEY_LENGTH + " characters");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Override
    public String toString() {
        return "SnilsIndexKeys[current=" + currentId + ", ids=" + keys.keySet() + "]";
    }

    /**
     * A keyed hash of one СНИЛС and the id of its key.
     *
     * @param value base64url of the HMAC
     */
    public record SnilsDigest(String keyId, String value) {

        /** One string for a single indexed field: {@code keyId:value}. */
        public String qualified() {
            return keyId + ":" + value;
        }
    }
}
