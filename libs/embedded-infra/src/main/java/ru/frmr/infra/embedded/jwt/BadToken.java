package ru.frmr.infra.embedded.jwt;

/** The ways a token presented to the platform can be wrong; each must be rejected with 401. */
public enum BadToken {
    /** Unsecured JWT ({@code alg=none}): no signature at all. */
    ALG_NONE,
    /** ES256, but signed by a key the issuer never published, under the published key's {@code kid}. */
    FOREIGN_KEY,
    /** ES256, under a {@code kid} of its own that no published key has (a new one for every token). */
    UNKNOWN_KEY,
    /** Validly signed, then its claims were changed (an extra role) without signing again. */
    TAMPERED,
    /** RS256 by an RSA key that the JWKS does publish: only ES256 may be accepted. */
    WRONG_ALGORITHM,
    /** Expired five minutes ago, well beyond any clock-skew allowance. */
    EXPIRED,
    /** Signed correctly but issued by someone else. */
    WRONG_ISSUER,
    /** Signed correctly but meant for another audience. */
    WRONG_AUDIENCE
}
