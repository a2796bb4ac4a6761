package ru.frmr.auth.token;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import ru.frmr.auth.api.PlatformRole;
import ru.frmr.auth.api.SessionClaims;
import ru.frmr.kit.security.Roles;
import ru.frmr.rules.token.TokenClaims;

/**
 * The platform's own access token: ES256 JWT with {@code kid}, claims as {@code docs/identity.md} fixes
 * them ({@code iss}, {@code aud}, {@code sub} = account, {@code sid}, {@code roles}, {@code worker_id},
 * {@code org_id}, {@code iat}, {@code exp}, {@code jti}) and, after a step-up, {@code step_up}.
 */
public class AccessTokens {

    public static final String STEP_UP_CLAIM = "step_up";
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final SigningKeyStore keys;
    private final Clock clock;
    private final String issuer;
    private final String audience;
    private final Duration ttl;
    private final ExtraClaims extraClaims;

    public AccessTokens(SigningKeyStore keys, Clock clock, String issuer, String audience, Duration ttl) {
        this(keys, clock, issuer, audience, ttl, ExtraClaims.NONE);
    }

    /** @param extraClaims e.g. a supervisor's agency ({@code agency_id}, {@code agency_kind}, {@code agency_region}) */
    public AccessTokens(SigningKeyStore keys, Clock clock, String issuer, String audience, Duration ttl,
                        ExtraClaims extraClaims) {
        this.extraClaims = extraClaims;
        this.keys = keys;
        this.clock = clock;
        this.issuer = issuer;
        this.audience = audience;
        this.ttl = ttl;
    }

    public Duration ttl() {
        return ttl;
    }

    /** @param stepUpAt when a one-time code was just confirmed, else null */
    public String issue(String accountId, String sessionId, SessionClaims claims, Instant stepUpAt) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(accountId)
                .claim("sid", sessionId)
                .claim("roles", claims.roles().stream().map(Enum::name).toList())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString());
        if (claims.workerId() != null) {
            builder.claim("worker_id", claims.workerId());
        }
        if (claims.orgId() != null) {
            builder.claim(TokenClaims.ORG_ID, claims.orgId());
        }
        if (claims.orgBasis() != null) {
            builder.claim(TokenClaims.ORG_BASIS, claims.orgBasis());
        }
        if (stepUpAt != null) {
            builder.claim(STEP_UP_CLAIM, stepUpAt.getEpochSecond());
        }
        extraClaims.of(accountId, claims).forEach(builder::claim);
        return sign(builder.build());
    }

    /**
     * A machine client's token (client-credentials grant): no session, the role AGENCY, the agency and the granted
     * scopes as claims; the same keys and lifetime as people's tokens, so every verifier takes it as it is.
     *
     * @param agencyRegion the region of a regional health authority, else null
     */
    public String issueForClient(String clientId, String agencyId, String agencyKind, String agencyRegion,
                                 List<String> scopes) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(clientId)
                .claim(TokenClaims.CLIENT_ID, clientId)
                .claim(TokenClaims.AGENCY_ID, agencyId)
                .claim(TokenClaims.AGENCY_KIND, agencyKind)
                .claim(TokenClaims.SCOPE, String.join(" ", scopes))
                .claim(TokenClaims.ROLES, List.of(Roles.AGENCY))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString());
        if (agencyRegion != null) {
            builder.claim(TokenClaims.AGENCY_REGION, agencyRegion);
        }
        return sign(builder.build());
    }

    private String sign(JWTClaimsSet claims) {
        SigningKey key = keys.current();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.kid())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key.key()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an access token with key " + key.kid(), e);
        }
        return jwt.serialize();
    }

    /** The token's content when it is ours, unexpired, for the platform and complete; empty otherwise. */
    public Optional<VerifiedToken> verify(String token) {
        if (token == null || token.length() > 8192) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            // Only ES256: alg=none, HS256 with the public key as secret and the like never get further.
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
                return Optional.empty();
            }
            Optional<ECKey> key = keys.verificationKey(jwt.getHeader().getKeyID());
            if (key.isEmpty() || !jwt.verify(new ECDSAVerifier(key.get().toECPublicKey()))) {
                return Optional.empty();
            }
            return accept(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    private Optional<VerifiedToken> accept(JWTClaimsSet claims) throws ParseException {
        Instant now = clock.instant();
        if (!issuer.equals(claims.getIssuer()) || claims.getAudience() == null
                || !claims.getAudience().contains(audience) || claims.getExpirationTime() == null
                || !claims.getExpirationTime().toInstant().plus(SKEW).isAfter(now)
                || claims.getIssueTime() == null || claims.getIssueTime().toInstant().minus(SKEW).isAfter(now)
                || claims.getSubject() == null || claims.getStringClaim("sid") == null) {
            return Optional.empty();
        }
        List<PlatformRole> roles = new ArrayList<>();
        List<String> names = claims.getStringListClaim("roles");
        for (String name : names == null ? List.<String>of() : names) {
            try {
                roles.add(PlatformRole.valueOf(name));
            } catch (IllegalArgumentException unknownRole) {
                return Optional.empty();
            }
        }
        Long stepUp = claims.getLongClaim(STEP_UP_CLAIM);
        return Optional.of(new VerifiedToken(claims.getSubject(), claims.getStringClaim("sid"), roles,
                claims.getStringClaim("worker_id"), claims.getStringClaim("org_id"),
                claims.getExpirationTime().toInstant(), stepUp == null ? null : Instant.ofEpochSecond(stepUp),
                claims.getStringClaim(TokenClaims.ORG_BASIS)));
    }
}
