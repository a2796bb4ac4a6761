package ru.frmr.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.auth.AuthPropertiesMother;
import ru.frmr.auth.MutableClock;
import ru.frmr.auth.TestMongo;
import ru.frmr.auth.api.PlatformRole;
import ru.frmr.auth.api.SessionClaims;

/** The platform access token and the key store behind it, including rotation without downtime. */
class AccessTokensTest {

    private static final TestMongo MONGO = new TestMongo();
    private static final SessionClaims HR = new SessionClaims(List.of(PlatformRole.EMPLOYER_HR), null, "gp-1-moscow",
            "CHIEF");

    private MutableClock clock;
    private SigningKeyStore keys;
    private AccessTokens tokens;
    private MongoTemplate mongo;

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        mongo = MONGO.template("keys_" + System.nanoTime());
        keys = new SigningKeyStore(mongo, AuthPropertiesMother.defaults(), clock);
        keys.ensureKeys();
        tokens = new AccessTokens(keys, clock, "frmr-auth", "frmr-platform", Duration.ofMinutes(5));
    }

    @Test
    void extraClaimsAreLookedUpAtEachIssue() throws Exception {
        Map<String, Object> agency = new java.util.HashMap<>(Map.of("agency_id", "ag-regional77aa"));
        AccessTokens withAgency = new AccessTokens(keys, clock, "frmr-auth", "frmr-platform", Duration.ofMinutes(5),
                (accountId, claims) -> Map.copyOf(agency));
        assertThat(SignedJWT.parse(withAgency.issue("acc-1", "sid-1", HR, null)).getJWTClaimsSet()
                .getStringClaim("agency_id")).isEqualTo("ag-regional77aa");
        agency.clear();
        assertThat(SignedJWT.parse(withAgency.issue("acc-1", "sid-1", HR, null)).getJWTClaimsSet()
                .getClaim("agency_id")).isNull();
    }

    @Test
    void aTokenCarriesTheAgreedClaims() throws Exception {
        String token = tokens.issue("acc-1", "sid-1", HR, null);
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("frmr-auth");
        assertThat(claims.getAudience()).containsExactly("frmr-platform");
        assertThat(claims.getSubject()).isEqualTo("acc-1");
        assertThat(claims.getStringClaim("sid")).isEqualTo("sid-1");
        assertThat(claims.getStringListClaim("roles")).containsExactly("EMPLOYER_HR");
        assertThat(claims.getStringClaim("org_id")).isEqualTo("gp-1-moscow");
        assertThat(claims.getStringClaim("org_basis")).isEqualTo("CHIEF");
        assertThat(claims.getClaim("worker_id")).isNull();
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(tokens.verify(token)).hasValueSatisfying(v -> {
            assertThat(v.accountId()).isEqualTo("acc-1");
            assertThat(v.orgId()).isEqualTo("gp-1-moscow");
            assertThat(v.orgBasis()).isEqualTo("CHIEF");
            assertThat(v.stepUpAt()).isNull();
        });
    }

    @Test
    void theJwksPublishesPublicKeysOnly() {
        Map<String, Object> jwks = keys.publicKeys().toJSONObject(true);
        assertThat((List<?>) jwks.get("keys")).singleElement().satisfies(key -> assertThat(asMap(key))
                .containsKeys("kty", "crv", "x", "y", "kid").doesNotContainKey("d"));
    }

    @Test
    void privateKeysAreStoredWrapped() {
        String stored = mongo.getCollection(SigningKeyStore.COLLECTION).find().first().getString("privateJwk");
        assertThat(stored).doesNotContain("\"d\"").doesNotContain("kty");
    }

    @Test
    void anExpiredTokenIsRejected() {
        String token = tokens.issue("acc-1", "sid-1", HR, null);
        clock.advance(Duration.ofMinutes(5).plusSeconds(31));
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void aTokenOfAnotherKeyIsRejected() throws Exception {
        ECKey foreign = new ECKeyGenerator(Curve.P_256).keyID(keys.current().kid()).generate();
        assertThat(tokens.verify(sign(foreign, claims("frmr-auth")))).isEmpty();
    }

    @Test
    void aForeignIssuerIsRejected() throws Exception {
        assertThat(tokens.verify(sign(keys.current().key(), claims("someone-else")))).isEmpty();
    }

    @Test
    void algNoneAndHmacAreRejected() throws Exception {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String none = url.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims("frmr-auth").toString().getBytes(StandardCharsets.UTF_8)) + ".";
        assertThat(tokens.verify(none)).isEmpty();
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keys.current().kid()).build(),
                claims("frmr-auth"));
        hmac.sign(new MACSigner(new byte[32]));
        assertThat(tokens.verify(hmac.serialize())).isEmpty();
        assertThat(tokens.verify("garbage")).isEmpty();
    }

    @Test
    void aTokenWithoutAnOrganisationHasNeitherOrgClaim() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(tokens.issue("acc-2", "sid-2",
                new SessionClaims(List.of(PlatformRole.WORKER), "w-1", null), null)).getJWTClaimsSet();
        assertThat(claims.getClaims()).doesNotContainKeys("org_id", "org_basis");
    }

    @Test
    void aStepUpTokenSaysWhenTheCodeWasConfirmed() {
        Instant at = clock.instant();
        assertThat(tokens.verify(tokens.issue("a", "s", HR, at)))
                .hasValueSatisfying(v -> assertThat(v.stepUpAt()).isEqualTo(at.truncatedTo(ChronoUnit.SECONDS)));
    }

    @Test
    void rotationPublishesTheNewKeyBeforeUseAndKeepsTheOldOneUntilItsTokensExpire() {
        SigningKey first = keys.current();
        String before = tokens.issue("acc-1", "sid-1", HR, null);

        SigningKey next = keys.rotate();
        assertThat(keys.publicKeys().getKeyByKeyId(next.kid())).as("published at once").isNotNull();
        assertThat(keys.current().kid()).as("but not signing yet").isEqualTo(first.kid());

        clock.advance(Duration.ofMinutes(10));
        assertThat(keys.current().kid()).isEqualTo(next.kid());
        String after = tokens.issue("acc-1", "sid-1", HR, null);
        assertThat(tokens.verify(after)).isPresent();
        clock.advance(Duration.ofMinutes(-10).plusMinutes(4));
        assertThat(tokens.verify(before)).as("a token signed before the rotation still validates").isPresent();

        clock.advance(Duration.ofMinutes(6 + 5 + 2));
        keys.ensureKeys();
        assertThat(keys.publicKeys().getKeyByKeyId(first.kid())).as("gone once its tokens have expired").isNull();
        assertThat(keys.publicKeys().getKeyByKeyId(next.kid())).isNotNull();
    }

    @Test
    void scheduledRotationStartsPublishLeadBeforeTheIntervalEnds() {
        SigningKey first = keys.current();
        clock.advance(Duration.ofHours(23).plusMinutes(49));
        keys.ensureKeys();
        assertThat(keys.publicKeys().getKeys()).hasSize(1);
        clock.advance(Duration.ofMinutes(1));
        keys.ensureKeys();
        assertThat(keys.publicKeys().getKeys()).hasSize(2);
        assertThat(keys.current().kid()).isEqualTo(first.kid());
        clock.advance(Duration.ofMinutes(10));
        assertThat(keys.current().kid()).isNotEqualTo(first.kid());
    }

    @Test
    void anotherReplicaSharesTheKeysThroughMongo() {
        String token = tokens.issue("acc-1", "sid-1", HR, null);
        SigningKeyStore replica = new SigningKeyStore(mongo, AuthPropertiesMother.defaults(), clock);
        replica.ensureKeys();
        AccessTokens other = new AccessTokens(replica, clock, "frmr-auth", "frmr-platform", Duration.ofMinutes(5));
        assertThat(other.verify(token)).isPresent();
        assertThat(replica.publicKeys().getKeys()).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object json) {
        return (Map<String, Object>) json;
    }

    private JWTClaimsSet claims(String issuer) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder().issuer(issuer).audience("frmr-platform").subject("acc-1")
                .claim("sid", "sid-1").claim("roles", List.of("REGISTRY_ADMIN")).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).build();
    }

    private static String sign(ECKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }
}
