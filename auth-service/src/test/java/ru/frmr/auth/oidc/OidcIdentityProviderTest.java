package ru.frmr.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.auth.identity.AuthorizationRequest;
import ru.frmr.auth.identity.IdentifiedPerson;
import ru.frmr.auth.identity.IdentityProviderException;

class OidcIdentityProviderTest {

    private static final URI REDIRECT = URI.create("http://localhost:8080/api/auth/oidc/callback");

    private OidcStandIn op;
    private OidcIdentityProvider provider;

    @BeforeEach
    void start() throws Exception {
        op = new OidcStandIn();
        provider = new OidcIdentityProvider(new OidcProperties(true, URI.create(op.issuer()), OidcStandIn.CLIENT_ID,
                OidcStandIn.CLIENT_SECRET, REDIRECT, null, null, Duration.ofSeconds(5)), HttpClient.newHttpClient(),
                new ObjectMapper());
    }

    @AfterEach
    void stop() {
        op.close();
    }

    @Test
    void authorizationUsesTheDiscoveredEndpointWithPkceAndNonce() {
        AuthorizationRequest request = provider.authorize();
        Map<String, String> query = OidcStandIn.form(request.redirect().getRawQuery());
        assertThat(request.redirect().toString()).startsWith(op.issuer() + "/authorize?");
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", OidcStandIn.CLIENT_ID)
                .containsEntry("code_challenge_method", "S256").containsEntry("state", request.state())
                .containsEntry("redirect_uri", REDIRECT.toString());
        assertThat(query.get("code_challenge")).isEqualTo(Pkce.challenge(request.secrets().get("code_verifier")));
        assertThat(query.get("nonce")).isEqualTo(request.secrets().get("nonce"));
        assertThat(query).doesNotContainKey("code_verifier");
    }

    @Test
    void theCallbackYieldsThePersonFromTheIdTokenAndUserinfo() {
        AuthorizationRequest request = provider.authorize();
        String code = op.codeFor(OidcStandIn.form(request.redirect().getRawQuery()));
        IdentifiedPerson person = provider.complete(request, Map.of("code", code, "state", request.state()));
        assertThat(person.subject()).isEqualTo(OidcStandIn.SUBJECT);
        assertThat(person.lastName()).isEqualTo("Петров");
        assertThat(person.birthDate()).isEqualTo(LocalDate.of(1979, 2, 3));
        assertThat(person.gender()).isEqualTo("M");
        assertThat(person.snils()).isEqualTo("12345678964");
        assertThat(person.email()).isEqualTo("petrov@frmr.test");
    }

    @Test
    void aWrongPkceVerifierIsAnInvalidGrant() {
        AuthorizationRequest request = provider.authorize();
        String code = op.codeFor(OidcStandIn.form(request.redirect().getRawQuery()));
        AuthorizationRequest forged = new AuthorizationRequest(request.redirect(), request.state(),
                Map.of("code_verifier", Pkce.randomToken(), "nonce", request.secrets().get("nonce")));
        assertThatThrownBy(() -> provider.complete(forged, Map.of("code", code)))
                .isInstanceOfSatisfying(IdentityProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo("invalid-grant"));
    }

    @Test
    void anIdTokenWithAnotherNonceIsRejected() {
        AuthorizationRequest request = provider.authorize();
        String code = op.codeFor(OidcStandIn.form(request.redirect().getRawQuery()));
        AuthorizationRequest otherNonce = new AuthorizationRequest(request.redirect(), request.state(),
                Map.of("code_verifier", request.secrets().get("code_verifier"), "nonce", "other"));
        assertThatThrownBy(() -> provider.complete(otherNonce, Map.of("code", code)))
                .isInstanceOf(IdentityProviderException.class).hasMessageContaining("nonce");
    }

    @Test
    void anIdTokenSignedByAKeyOutsideTheJwksIsRejected() throws Exception {
        op.idTokenKey = new ECKeyGenerator(Curve.P_256).keyID("op-1").generate();
        AuthorizationRequest request = provider.authorize();
        String code = op.codeFor(OidcStandIn.form(request.redirect().getRawQuery()));
        assertThatThrownBy(() -> provider.complete(request, Map.of("code", code)))
                .isInstanceOf(IdentityProviderException.class).hasMessageContaining("does not verify");
    }

    @Test
    void anIdTokenForAnotherClientIsRejected() {
        op.audience = "someone-else";
        AuthorizationRequest request = provider.authorize();
        String code = op.codeFor(OidcStandIn.form(request.redirect().getRawQuery()));
        assertThatThrownBy(() -> provider.complete(request, Map.of("code", code)))
                .isInstanceOf(IdentityProviderException.class).hasMessageContaining("does not verify");
    }

    @Test
    void aProviderErrorAtTheCallbackIsAProblem() {
        AuthorizationRequest request = provider.authorize();
        assertThatThrownBy(() -> provider.complete(request, Map.of("error", "access_denied")))
                .isInstanceOfSatisfying(IdentityProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo("login-cancelled"));
    }

    @Test
    void logoutUsesTheEndSessionEndpoint() {
        assertThat(provider.logoutUrl(URI.create("http://localhost:8080/")))
                .hasValueSatisfying(u -> assertThat(u.toString()).startsWith(op.issuer() + "/logout?"));
    }
}
