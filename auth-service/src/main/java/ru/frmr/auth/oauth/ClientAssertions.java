package ru.frmr.auth.oauth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import ru.frmr.auth.client.ClientAgencies;
import ru.frmr.auth.client.ClientKeys;
import ru.frmr.auth.client.MachineClient;

/**
 * Client authentication with {@code private_key_jwt} (RFC 7523 §3, OpenID Connect Core §9): the assertion is a JWT
 * the client signed with one of its registered keys, {@code iss} = {@code sub} = its client id, {@code aud}
 * naming this token endpoint, a short life ({@code exp} required, at most {@link #MAX_LIFETIME} ahead) and a
 * {@code jti} good for one use. Only asymmetric signatures whose algorithm fits the key's type: {@code none}, HMAC
 * (the "public key as HMAC secret" trick) and a key used with another key type's algorithm never verify. The client
 * and its agency must be active. The used jti is recorded last, so a refused assertion does not use it up.
 */
public class ClientAssertions {

    public static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    static final Duration SKEW = Duration.ofSeconds(30);
    private static final int MAX_ASSERTION = 16 * 1024;
    private static final int MAX_JTI = 200;
    /** SubjectPublicKeyInfo of an Ed25519 key up to its 32 raw bytes: SEQUENCE { id-Ed25519 }, BIT STRING. */
    private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03,
            0x21, 0x00};
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256,
            JWSAlgorithm.PS256, JWSAlgorithm.EdDSA);

    private final Function<String, Optional<MachineClient>> clients;
    private final ClientAgencies agencies;
    private final AssertionJtis jtis;
    private final Clock clock;
    private final String tokenEndpoint;

    public ClientAssertions(Function<String, Optional<MachineClient>> clients, ClientAgencies agencies,
                            AssertionJtis jtis, Clock clock, String tokenEndpoint) {
        this.clients = clients;
        this.agencies = agencies;
        this.jtis = jtis;
        this.clock = clock;
        this.tokenEndpoint = tokenEndpoint;
    }

    /** The authenticated client and its agency; an {@code invalid_client} refusal naming the broken rule otherwise. */
    public AuthenticatedClient authenticate(String assertion, String claimedClientId) {
        if (assertion == null || assertion.isBlank() || assertion.length() > MAX_ASSERTION) {
            throw OAuthErrors.invalidRequest("client_assertion is required (a signed JWT)");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion.strip());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw OAuthErrors.invalidClient("client_assertion is not a signed JWT");
        }
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        if (!ALGORITHMS.contains(algorithm)) {
            throw OAuthErrors.invalidClient("client_assertion: alg must be ES256, RS256, PS256 or EdDSA");
        }
        String clientId = claims.getIssuer();
        if (clientId == null || !clientId.equals(claims.getSubject())) {
            throw OAuthErrors.invalidClient("client_assertion: iss and sub must both be the client id");
        }
        if (claimedClientId != null && !claimedClientId.equals(clientId)) {
            throw OAuthErrors.invalidClient("client_id does not match the assertion's iss");
        }
        MachineClient client = clients.apply(clientId)
                .orElseThrow(() -> OAuthErrors.invalidClient("client_assertion: unknown client"));
        JWK key = keyFor(client, jwt.getHeader().getKeyID());
        if (!ClientKeys.allows(key, algorithm) || !verifies(jwt, key)) {
            throw OAuthErrors.invalidClient("client_assertion: the signature does not verify with the client's key");
        }
        Instant expiresAt = checkTimes(claims);
        if (claims.getAudience() == null || !claims.getAudience().contains(tokenEndpoint)) {
            throw OAuthErrors.invalidClient("client_assertion: aud must contain the token endpoint " + tokenEndpoint);
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank() || jti.length() > MAX_JTI) {
            throw OAuthErrors.invalidClient("client_assertion: jti is required (1.." + MAX_JTI + " characters)");
        }
        if (!client.active()) {
            throw OAuthErrors.invalidClient("the client is revoked");
        }
        ClientAgencies.AgencyView agency = agencies.find(client.agencyId()).filter(ClientAgencies.AgencyView::active)
                .orElseThrow(() -> OAuthErrors.invalidClient("the client's agency is revoked"));
        if (!jtis.firstUse(clientId, jti, expiresAt.plus(SKEW))) {
            throw OAuthErrors.invalidClient("client_assertion: this jti was used already; sign a new assertion");
        }
        return new AuthenticatedClient(client, agency);
    }

    /** The scopes granted: those asked for, each the client's, or all of the client's when none are asked for. */
    public static List<String> grantedScopes(MachineClient client, String requested) {
        if (requested == null || requested.isBlank()) {
            return client.scopes();
        }
        List<String> asked = List.of(requested.strip().split(" +"));
        for (String scope : asked) {
            if (!client.scopes().contains(scope)) {
                throw OAuthErrors.invalidScope("scope " + scope + " is not one of the client's: " + client.scopes());
            }
        }
        return asked.stream().distinct().toList();
    }

    private Instant checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw OAuthErrors.invalidClient("client_assertion: exp is required");
        }
        if (!exp.toInstant().plus(SKEW).isAfter(now)) {
            throw OAuthErrors.invalidClient("client_assertion: expired");
        }
        if (exp.toInstant().isAfter(now.plus(MAX_LIFETIME).plus(SKEW))) {
            throw OAuthErrors.invalidClient("client_assertion: exp may be at most 5 minutes ahead");
        }
        Date iat = claims.getIssueTime();
        if (iat != null && (iat.toInstant().isAfter(now.plus(SKEW)) || iat.toInstant().isAfter(exp.toInstant()))) {
            throw OAuthErrors.invalidClient("client_assertion: iat is in the future");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(SKEW))) {
            throw OAuthErrors.invalidClient("client_assertion: not valid yet (nbf)");
        }
        return exp.toInstant();
    }

    private static JWK keyFor(MachineClient client, String kid) {
        List<JWK> keys = client.keys().getKeys();
        if (kid == null) {
            // OpenID Connect Core §10.1: a kid may be left out only when there is no choice.
            if (keys.size() == 1) {
                return keys.get(0);
            }
            throw OAuthErrors.invalidClient("client_assertion: kid is required, the client has several keys");
        }
        return keys.stream().filter(k -> kid.equals(k.getKeyID())).findFirst()
                .orElseThrow(() -> OAuthErrors.invalidClient("client_assertion: kid is not one of the client's keys"));
    }

    private static boolean verifies(SignedJWT jwt, JWK key) {
        try {
            JWSVerifier verifier;
            if (key instanceof ECKey ec) {
                verifier = new ECDSAVerifier(ec.toECPublicKey());
            } else if (key instanceof RSAKey rsa) {
                verifier = new RSASSAVerifier(rsa.toRSAPublicKey());
            } else if (key instanceof OctetKeyPair okp) {
                return verifiesEd25519(jwt, okp);
            } else {
                return false;
            }
            return jwt.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    /**
     * Ed25519 with the JDK's own provider: nimbus's {@code Ed25519Verifier} needs Google Tink, which the platform
     * does not carry for this one check. The raw key goes into its X.509 wrapping (RFC 8410) unchanged.
     */
    private static boolean verifiesEd25519(SignedJWT jwt, OctetKeyPair key) {
        byte[] raw = key.getDecodedX();
        if (raw.length != 32) {
            return false;
        }
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + 32];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, 32);
        try {
            PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(publicKey);
            signature.update(jwt.getSigningInput());
            return signature.verify(jwt.getSignature().decode());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A client whose assertion passed, and its (active) agency. */
    public record AuthenticatedClient(MachineClient client, ClientAgencies.AgencyView agency) {
    }
}
