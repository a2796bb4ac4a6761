package ru.frmr.auth.client;

import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;

import ru.frmr.kit.error.InvalidParameterException;

/**
 * The public keys a machine client signs its assertions with, as registered: EC P-256 (ES256), RSA of at least 2048
 * bits (RS256 or PS256) or Ed25519 (EdDSA). A key with private parts, a weaker or other key, a key without an id, a
 * key id twice or the same key twice is refused naming {@code jwks}: the platform never holds a client's secret.
 */
public final class ClientKeys {

    static final int MAX_KEYS = 5;
    private static final int MIN_RSA_BITS = 2048;
    private static final Set<JWSAlgorithm> RSA_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256);

    private ClientKeys() {
    }

    /** The checked key set, public parts only, from the request's {@code jwks} member. */
    public static JWKSet parse(Map<String, Object> jwks) {
        if (jwks == null) {
            throw invalid("is required: {\"keys\":[<public JWK>...]}");
        }
        JWKSet set;
        try {
            set = JWKSet.parse(jwks);
        } catch (ParseException | RuntimeException e) {
            throw invalid("is not a JWK set: {\"keys\":[<public JWK>...]}");
        }
        List<JWK> keys = set.getKeys();
        if (keys.isEmpty() || keys.size() > MAX_KEYS) {
            throw invalid("must hold 1 to " + MAX_KEYS + " keys");
        }
        Set<String> ids = new HashSet<>();
        Set<String> thumbprints = new HashSet<>();
        for (JWK key : keys) {
            check(key);
            if (!ids.add(key.getKeyID())) {
                throw invalid("holds the key id " + key.getKeyID() + " twice");
            }
            try {
                if (!thumbprints.add(key.computeThumbprint().toString())) {
                    throw invalid("holds the same key twice");
                }
            } catch (com.nimbusds.jose.JOSEException e) {
                throw invalid("holds a key that cannot be read");
            }
        }
        return set;
    }

    /** Whether {@code algorithm} is one this key may sign with: the type decides, never the assertion alone. */
    public static boolean allows(JWK key, JWSAlgorithm algorithm) {
        if (key instanceof ECKey) {
            return JWSAlgorithm.ES256.equals(algorithm);
        }
        if (key instanceof RSAKey) {
            return RSA_ALGORITHMS.contains(algorithm)
                    && (key.getAlgorithm() == null || key.getAlgorithm().equals(algorithm));
        }
        if (key instanceof OctetKeyPair) {
            return JWSAlgorithm.EdDSA.equals(algorithm);
        }
        return false;
    }

    private static void check(JWK key) {
        if (key.getKeyID() == null || key.getKeyID().isBlank() || key.getKeyID().length() > 100) {
            throw invalid("needs a kid (1..100 characters) on every key");
        }
        if (key.isPrivate()) {
            throw invalid("must hold public keys only: key " + key.getKeyID() + " has private parts");
        }
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            throw invalid("key " + key.getKeyID() + " must be for signatures (use=sig)");
        }
        if (key instanceof ECKey ec) {
            if (!Curve.P_256.equals(ec.getCurve())) {
                throw invalid("key " + key.getKeyID() + ": EC keys must be on P-256 (ES256)");
            }
            requireAlgorithm(key, Set.of(JWSAlgorithm.ES256));
        } else if (key instanceof RSAKey rsa) {
            if (rsa.size() < MIN_RSA_BITS) {
                throw invalid("key " + key.getKeyID() + ": RSA keys must have at least " + MIN_RSA_BITS + " bits");
            }
            requireAlgorithm(key, RSA_ALGORITHMS);
        } else if (key instanceof OctetKeyPair okp) {
            if (!Curve.Ed25519.equals(okp.getCurve())) {
                throw invalid("key " + key.getKeyID() + ": OKP keys must be Ed25519 (EdDSA)");
            }
            requireAlgorithm(key, Set.of(JWSAlgorithm.EdDSA));
        } else {
            throw invalid("key " + key.getKeyID() + ": only EC P-256, RSA (2048 bits or more) and Ed25519 keys");
        }
    }

    private static void requireAlgorithm(JWK key, Set<JWSAlgorithm> allowed) {
        if (key.getAlgorithm() != null && !allowed.contains(JWSAlgorithm.parse(key.getAlgorithm().getName()))) {
            throw invalid("key " + key.getKeyID() + ": alg " + key.getAlgorithm().getName()
                    + " does not fit the key type");
        }
    }

    private static InvalidParameterException invalid(String message) {
        return new InvalidParameterException("jwks", message);
    }
}
