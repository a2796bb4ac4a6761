package ru.frmr.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import ru.frmr.auth.MutableClock;
import ru.frmr.auth.client.ClientAgencies.AgencyView;
import ru.frmr.auth.client.MachineClient;
import ru.frmr.auth.error.AuthException;

/** Each rule of a client assertion, failing alone against an assertion that otherwise passes. */
class ClientAssertionsTest {

    private static final String ENDPOINT = "https://frmr.example/api/auth/oauth/token";
    private static final String AGENCY = "ag-abcdefghijkl";
    private static final ECKey KEY = ec("k1");
    private static final ECKey OTHER_CLIENTS_KEY = ec("k1");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final Map<String, MachineClient> clients = new HashMap<>();
    private final Map<String, AgencyView> agencies = new HashMap<>();
    private final Set<String> usedJtis = new HashSet<>();
    private final ClientAssertions assertions = new ClientAssertions(id -> Optional.ofNullable(clients.get(id)),
            id -> Optional.ofNullable(agencies.get(id)), (client, jti, exp) -> usedJtis.add(client + " " + jti), clock,
            ENDPOINT);

    ClientAssertionsTest() {
        agencies.put(AGENCY, new AgencyView(AGENCY, "Росздравнадзор", "ROSZDRAVNADZOR", null, true));
        register("cl-aaaaaaaaaaaaaaaa", KEY);
        register("cl-bbbbbbbbbbbbbbbb", OTHER_CLIENTS_KEY);
    }

    @Test
    void aWellFormedAssertionAuthenticatesItsClient() {
        ClientAssertions.AuthenticatedClient client = assertions.authenticate(sign(claims().build(), KEY), null);

        assertThat(client.client().clientId()).isEqualTo("cl-aaaaaaaaaaaaaaaa");
        assertThat(client.agency().agencyId()).isEqualTo(AGENCY);
    }

    @Test
    void anAssertionForAnotherAudienceIsRefused() {
        refused(sign(claims().audience("https://frmr.example/api/auth/token").build(), KEY), "aud");
    }

    @Test
    void anExpiredAssertionIsRefused() {
        String assertion = sign(claims().build(), KEY);
        clock.advance(Duration.ofMinutes(2));
        refused(assertion, "expired");
    }

    @Test
    void anAssertionLivingLongerThanFiveMinutesIsRefused() {
        refused(sign(claims().expirationTime(at(Duration.ofMinutes(6))).build(), KEY), "at most 5 minutes");
    }

    @Test
    void anAssertionWithoutExpiryOrJtiIsRefused() {
        refused(sign(claims().expirationTime(null).build(), KEY), "exp is required");
        refused(sign(claims().jwtID(null).build(), KEY), "jti is required");
    }

    @Test
    void anAssertionIssuedInTheFutureIsRefused() {
        refused(sign(claims().issueTime(at(Duration.ofMinutes(2))).build(), KEY), "iat");
        refused(sign(claims().notBeforeTime(at(Duration.ofMinutes(2))).build(), KEY), "nbf");
    }

    @Test
    void aReplayedJtiIsRefusedAndARefusedAssertionDoesNotUseItsJtiUp() {
        JWTClaimsSet claims = claims().build();
        refused(sign(new JWTClaimsSet.Builder(claims).audience("elsewhere").build(), KEY), "aud");
        assertions.authenticate(sign(claims, KEY), null);

        refused(sign(claims, KEY), "used already");
    }

    @Test
    void anUnknownKidOrAnotherClientsKeyIsRefused() {
        refused(sign(claims().build(), ec("k2")), "kid");
        // The other client's key has the same kid as this client's: the signature, not the kid, decides.
        refused(sign(claims().build(), OTHER_CLIENTS_KEY), "signature");
    }

    @Test
    void issAndSubMustBothBeTheClient() {
        refused(sign(claims().subject("cl-bbbbbbbbbbbbbbbb").build(), KEY), "iss and sub");
        refused(sign(claims().issuer("cl-cccccccccccccccc").subject("cl-cccccccccccccccc").build(), KEY),
                "unknown client");
        assertThatThrownBy(() -> assertions.authenticate(sign(claims().build(), KEY), "cl-bbbbbbbbbbbbbbbb"))
                .isInstanceOf(AuthException.class).hasMessageContaining("client_id");
    }

    @Test
    void algNoneIsRefused() {
        refused(new PlainJWT(claims().build()).serialize(), "not a signed JWT");
        // alg none in the header but a signature part present
        String[] parts = sign(claims().build(), KEY).split("\\.");
        String header = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"k1\"}").toString();
        refused(header + "." + parts[1] + "." + parts[2], "not a signed JWT");
    }

    @Test
    void hs256WithThePublicKeyAsSecretIsRefused() throws Exception {
        byte[] secret = KEY.toPublicJWK().toJSONString().getBytes();
        byte[] padded = new byte[Math.max(32, secret.length)];
        System.arraycopy(secret, 0, padded, 0, secret.length);
        refused(sign(claims().build(), new MACSigner(padded), JWSAlgorithm.HS256, "k1"), "alg");
    }

    @Test
    void aKeyUsedWithAnotherKeyTypesAlgorithmIsRefused() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("r1").generate();
        register("cl-rrrrrrrrrrrrrrrr", rsa);
        JWTClaimsSet rsaClaims = claims().issuer("cl-rrrrrrrrrrrrrrrr").subject("cl-rrrrrrrrrrrrrrrr").build();
        assertions.authenticate(sign(rsaClaims, new RSASSASigner(rsa), JWSAlgorithm.PS256, "r1"), null);
        // An EC signature presented under the RSA key's id
        refused(sign(new JWTClaimsSet.Builder(rsaClaims).jwtID(UUID.randomUUID().toString()).build(),
                new ECDSASigner(KEY), JWSAlgorithm.ES256, "r1"), "signature");
    }

    @Test
    void anEd25519KeyVerifiesWithTheJdk() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("Ed25519");
        java.security.KeyPair pair = generator.generateKeyPair();
        byte[] encoded = pair.getPublic().getEncoded();
        byte[] raw = java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        OctetKeyPair okp = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(raw)).keyID("e1").build();
        register("cl-eeeeeeeeeeeeeeee", okp);
        JWTClaimsSet claims = claims().issuer("cl-eeeeeeeeeeeeeeee").subject("cl-eeeeeeeeeeeeeeee").build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID("e1").build();
        String input = header.toBase64URL() + "." + Base64URL.encode(claims.toString());
        java.security.Signature signature = java.security.Signature.getInstance("Ed25519");
        signature.initSign(pair.getPrivate());
        signature.update(input.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String signed = input + "." + Base64URL.encode(signature.sign());

        assertThat(assertions.authenticate(signed, null).client().clientId()).isEqualTo("cl-eeeeeeeeeeeeeeee");
        String[] parts = signed.split("\\.");
        byte[] bad = Base64.getUrlDecoder().decode(parts[2]);
        bad[0] ^= 1;
        refused(parts[0] + "." + parts[1] + "." + Base64URL.encode(bad), "signature");
    }

    @Test
    void aRevokedClientOrARevokedAgencyGetsNoToken() {
        MachineClient client = clients.get("cl-aaaaaaaaaaaaaaaa");
        clients.put(client.clientId(), new MachineClient(client.clientId(), client.agencyId(), client.name(),
                client.scopes(), client.keys(), client.registeredAt(), clock.instant()));
        refused(sign(claims().build(), KEY), "client is revoked");

        register("cl-aaaaaaaaaaaaaaaa", KEY);
        agencies.put(AGENCY, new AgencyView(AGENCY, "Росздравнадзор", "ROSZDRAVNADZOR", null, false));
        refused(sign(claims().build(), KEY), "agency is revoked");
    }

    @Test
    void scopesAreTheClientsOnly() {
        MachineClient client = clients.get("cl-aaaaaaaaaaaaaaaa");
        assertThat(ClientAssertions.grantedScopes(client, null)).containsExactly("registry.read", "webhooks.manage");
        assertThat(ClientAssertions.grantedScopes(client, "webhooks.manage")).containsExactly("webhooks.manage");
        assertThatThrownBy(() -> ClientAssertions.grantedScopes(client, "webhooks.manage audit.read"))
                .isInstanceOfSatisfying(AuthException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.properties()).containsEntry("error", "invalid_scope");
                });
    }

    private void refused(String assertion, String reason) {
        assertThatThrownBy(() -> assertions.authenticate(assertion, null))
                .isInstanceOfSatisfying(AuthException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(401);
                    assertThat(e.properties()).containsEntry("error", "invalid_client");
                    assertThat(e.getMessage()).contains(reason);
                });
    }

    private void register(String clientId, JWK key) {
        clients.put(clientId, new MachineClient(clientId, AGENCY, "Интеграция", List.of("registry.read",
                "webhooks.manage"), new JWKSet(key.toPublicJWK()), clock.instant(), null));
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer("cl-aaaaaaaaaaaaaaaa").subject("cl-aaaaaaaaaaaaaaaa")
                .audience(ENDPOINT).issueTime(Date.from(clock.instant())).expirationTime(at(Duration.ofMinutes(1)))
                .jwtID(UUID.randomUUID().toString());
    }

    private Date at(Duration fromNow) {
        return Date.from(clock.instant().plus(fromNow));
    }

    private static String sign(JWTClaimsSet claims, ECKey key) {
        try {
            return sign(claims, new ECDSASigner(key), JWSAlgorithm.ES256, key.getKeyID());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWTClaimsSet claims, JWSSigner signer, JWSAlgorithm algorithm, String kid) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(kid).type(JOSEObjectType.JWT)
                    .build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey ec(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
