package ru.frmr.kit.crypto;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param masterKey          base64 of the 32-byte master key that wraps new data keys; the component is active
 *                           only when this is set
 * @param masterKeyId        id stored with every key it wraps, e.g. {@code mk-2026-01}
 * @param previousMasterKeys id → base64 key of retired master keys, still needed to unwrap keys they wrapped
 * @param keyCacheTtl        how long an unwrapped data key is trusted without reading the key collection; also how
 *                           long other replicas may keep decrypting after a shred (zero: no cache)
 * @param keyCacheSize       at most this many subjects' data keys are held in memory
 */
@ConfigurationProperties("frmr.crypto")
public record CryptoProperties(String masterKey, String masterKeyId, Map<String, String> previousMasterKeys,
        Duration keyCacheTtl, Integer keyCacheSize) {

    public CryptoProperties {
        previousMasterKeys = previousMasterKeys == null ? Map.of() : Map.copyOf(previousMasterKeys);
        keyCacheTtl = keyCacheTtl == null ? Duration.ofSeconds(30) : keyCacheTtl;
        keyCacheSize = keyCacheSize == null ? 10_000 : keyCacheSize;
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "CryptoProperties[masterKeyId=" + masterKeyId + ", masterKey=" + (masterKey == null ? "unset" : "***")
                + ", previousMasterKeyIds=" + previousMasterKeys.keySet() + ", keyCacheTtl=" + keyCacheTtl
                + ", keyCacheSize=" + keyCacheSize + "]";
    }
}
