package ru.frmr.infra.embedded.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestJwtIssuerTest {

    private static TestJwtIssuer issuer;
    private static ECKey published;

    @BeforeAll
    static void start() throws Exception {
        issuer = TestJwtIssuer.start();
        HttpResponse<String> jwks = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(issuer.jwksUri())).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(jwks.statusCode()).isEqualTo(200);
        published = JWKSet.parse(jwks.body()).getKeys().stream()
                .filter(k -> k instanceof ECKey).map(k -> (ECKey) k).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void extraClaimsJoinThePlatformClaimsOfAValidToken() throws Exception {
        SignedJWT jwt = SignedJWT.parse(issuer.mint(TestToken.worker("w-1"), Map.of("step_up", 1_790_000_000L)));

        assertThat(jwt.verify(new ECDSAVerifier(published))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getLongClaim("step_up")).isEqualTo(1_790_000_000L);
        assertThat(jwt.getJWTClaimsSet().getStringClaim("worker_id")).isEqualTo("w-1");
    }

    @Test
    void validTokenIsEs256WithThePlatformClaimsAndVerifiesWithThePublishedKey() throws Exception {
        SignedJWT jwt = SignedJWT.parse(issuer.mint(TestToken.worker("w-1").withOrgId("org-1")));

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(published.getKeyID());
        assertThat(jwt.verify(new ECDSAVerifier(published))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("frmr-auth");
        assertThat(claims.getAudience()).containsExactly("frmr-platform");
        assertThat(claims.getSubject()).isNotBlank();
        assertThat(claims.getStringClaim("sid")).isNotBlank();
        assertThat(claims.getStringListClaim("roles")).containsExactly("WORKER");
        assertThat(claims.getStringClaim("worker_id")).isEqualTo("w-1");
        assertThat(claims.getStringClaim("org_id")).isEqualTo("org-1");
        assertThat(claims.getExpirationTime()).isAfter(Date.from(Instant.now()));
    }

    @Test
    void badTokensAreBadInTheirOwnWay() throws Exception {
        TestToken token = TestToken.withRoles("AUDITOR");

        assertThat(JWTParser.parse(issuer.mint(BadToken.ALG_NONE, token))).isInstanceOf(PlainJWT.class);
        assertThat(SignedJWT.parse(issuer.mint(BadToken.FOREIGN_KEY, token)).verify(new ECDSAVerifier(published)))
                .isFalse();
        SignedJWT tampered = SignedJWT.parse(issuer.mint(BadToken.TAMPERED, token));
        assertThat(tampered.getJWTClaimsSet().getStringListClaim("roles")).contains("REGISTRY_ADMIN");
        assertThat(tampered.verify(new ECDSAVerifier(published))).isFalse();
        assertThat(SignedJWT.parse(issuer.mint(BadToken.WRONG_ALGORITHM, token)).getHeader().getAlgorithm())
                .isEqualTo(JWSAlgorithm.RS256);
        assertThat(SignedJWT.parse(issuer.mint(BadToken.EXPIRED, token)).getJWTClaimsSet().getExpirationTime())
                .isBefore(Date.from(Instant.now().minusSeconds(60)));
        assertThat(SignedJWT.parse(issuer.mint(BadToken.WRONG_ISSUER, token)).getJWTClaimsSet().getIssuer())
                .isNotEqualTo("frmr-auth");
        assertThat(SignedJWT.parse(issuer.mint(BadToken.WRONG_AUDIENCE, token)).getJWTClaimsSet().getAudience())
                .doesNotContain("frmr-platform");
    }
}
