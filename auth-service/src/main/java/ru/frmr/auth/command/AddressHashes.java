package ru.frmr.auth.command;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * A client's address as a failed login records it: HMAC-SHA256 under a secret key ({@link AddressHashProperties}),
 * the first {@value #BYTES} bytes, base64url without padding. One address always gives the same hash, so
 * audit-service can count bursts of failures per address; an address never leaves auth-service's web layer in clear.
 * Keyed rather than plain, because there are only 2^32 IPv4 addresses: a plain hash is reversed by trying them all.
 */
@Component
public class AddressHashes {

    static final int BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public AddressHashes(AddressHashProperties properties) {
        this.key = new SecretKeySpec(properties.key().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /**
     * @param address as the web layer reads it (behind the gateway, the browser's address from X-Forwarded-For);
     *                IPv6 in any letter case hashes alike
     * @return the hash, or null when there is no address
     */
    public String of(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
