package ru.frmr.auth.token;

import java.time.Instant;

import com.nimbusds.jose.jwk.ECKey;

/**
 * One ES256 key of the platform.
 *
 * @param key         the full key (private part included only on the signing side)
 * @param activatesAt when it starts to sign; it is published in the JWKS from its creation on
 */
record SigningKey(String kid, ECKey key, Instant createdAt, Instant activatesAt) {

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", activatesAt=" + activatesAt + "]";
    }
}
