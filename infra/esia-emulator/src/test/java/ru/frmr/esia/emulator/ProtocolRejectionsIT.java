package ru.frmr.esia.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.frmr.gost.GostKeys;
import ru.frmr.gost.GostSignatures;

/** What the emulator refuses, with the errors and ESIA codes a client sees. */
@EmulatorTest
class ProtocolRejectionsIT {

    private static final String CALLBACK = EmulatorTest.DEFAULT_CALLBACK;
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private EsiaClient client;
    private Browser browser;

    @BeforeEach
    void setUp() {
        client = new EsiaClient(URI.create("http://127.0.0.1:" + port));
        browser = new Browser();
    }

    @Test
    void aWrongClientSecretGoesBackToTheClientAsEsia007053() {
        Map<String, String> authorization = client.authorization(CALLBACK, "openid fullname");
        authorization.put("client_secret", GostSignatures.signBase64Url(GostKeys.generate().getPrivate(),
                "anything".getBytes()));

        Map<String, String> error = errorRedirect(authorization);

        assertThat(error).containsEntry("error", "invalid_client").containsEntry("state", authorization.get("state"));
        assertThat(error.get("error_description")).startsWith("ESIA-007053: ");
    }

    @Test
    void aTamperedCertificateHashIsRefused() {
        Map<String, String> authorization = client.authorization(CALLBACK, "openid");
        authorization.put("client_certificate_hash", "A".repeat(64));

        Map<String, String> error = errorRedirect(authorization);

        assertThat(error).containsEntry("error", "invalid_client");
        assertThat(error.get("error_description")).startsWith("ESIA-007053: ").contains("client_certificate_hash");
    }

    @Test
    void aStaleTimestampIsRefusedEvenWhenSigned() {
        String tenMinutesAgo = EsiaClient.TIMESTAMP.format(ZonedDateTime.now(ZoneOffset.ofHours(3)).minusMinutes(10));
        Map<String, String> authorization = client.authorization(CALLBACK, "openid", UUID.randomUUID().toString(),
                tenMinutesAgo);

        Map<String, String> error = errorRedirect(authorization);

        assertThat(error).containsEntry("error", "invalid_request");
        assertThat(error.get("error_description")).startsWith("ESIA-007002: ").contains("timestamp");
    }

    @Test
    void aStateThatIsNoUuidIsRefused() {
        Map<String, String> authorization = client.authorization(CALLBACK, "openid", "12345", EsiaClient.now());

        assertThat(errorRedirect(authorization).get("error_description")).startsWith("ESIA-007002: ");
    }

    @Test
    void aScopeOutsideTheClientsGrantsIsEsia007019() {
        Map<String, String> error = errorRedirect(client.authorization(CALLBACK, "openid drivers_licence"));

        assertThat(error).containsEntry("error", "invalid_scope");
        assertThat(error.get("error_description")).startsWith("ESIA-007019: ");
    }

    @Test
    void anUnregisteredRedirectUriIsShownNotFollowed() {
        HttpResponse<String> page = browser.get(client.authorizationUri(
                client.authorization("https://evil.example/callback", "openid")));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.body()).contains("ESIA-007014");
    }

    @Test
    void anUnknownClientIsShownAsEsia007004() {
        Map<String, String> authorization = client.authorization(CALLBACK, "openid");
        authorization.put("client_id", "SOMEONE_ELSE");

        HttpResponse<String> page = browser.get(client.authorizationUri(authorization));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("ESIA-007004");
    }

    @Test
    void aCodeIsRedeemedOnlyOnce() throws Exception {
        String code = code("ivanova", "openid");

        assertThat(browser.send(client.tokenPost(client.codeExchange(code, CALLBACK, "openid"))).statusCode())
                .isEqualTo(200);
        HttpResponse<String> replay = browser.send(client.tokenPost(client.codeExchange(code, CALLBACK, "openid")));

        assertThat(replay.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(replay.body());
        assertThat(error.get("error").asText()).isEqualTo("invalid_grant");
        assertThat(error.get("error_description").asText()).startsWith("ESIA-007011: ");
    }

    @Test
    void aWrongClientSecretAtTheTokenEndpointIsEsia007053AndLeavesTheCodeUsable() throws Exception {
        String code = code("petrov", "openid");
        Map<String, String> exchange = client.codeExchange(code, CALLBACK, "openid");
        exchange.put("client_secret", client.sign("something else"));

        HttpResponse<String> refused = browser.send(client.tokenPost(exchange));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("error_description").asText()).startsWith("ESIA-007053: ");
        assertThat(browser.send(client.tokenPost(client.codeExchange(code, CALLBACK, "openid"))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aStaleTimestampAtTheTokenEndpointIsEsia007002() throws Exception {
        String tenMinutesAgo = EsiaClient.TIMESTAMP.format(ZonedDateTime.now(ZoneOffset.ofHours(3)).minusMinutes(10));

        HttpResponse<String> refused = browser.send(client.tokenPost(
                client.codeExchange(code("petrov", "openid"), CALLBACK, "openid", tenMinutesAgo)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("error_description").asText()).startsWith("ESIA-007002: ");
    }

    @Test
    void theAuthorizationsStateMayNotBeReusedForTheToken() throws Exception {
        Map<String, String> authorization = client.authorization(CALLBACK, "openid");
        URI callback = browser.signIn(client.authorizationUri(authorization), "ivanova");
        String code = Browser.query(callback).get("code");
        String timestamp = EsiaClient.now();
        String state = authorization.get("state");
        Map<String, String> exchange = client.codeExchange(code, CALLBACK, "openid", timestamp);
        exchange.put("state", state);
        exchange.put("client_secret", client.sign("FRMR_LK" + "openid" + timestamp + state + CALLBACK + code));

        HttpResponse<String> refused = browser.send(client.tokenPost(exchange));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("error_description").asText()).startsWith("ESIA-007002: ");
    }

    @Test
    void aCodeIsBoundToItsRedirectUri() throws Exception {
        HttpResponse<String> otherRegistered = browser.send(client.tokenPost(
                client.codeExchange(code("ivanova", "openid"), EmulatorTest.CALLBACK, "openid")));
        HttpResponse<String> unregistered = browser.send(client.tokenPost(
                client.codeExchange(code("ivanova", "openid"), "http://localhost:8080/elsewhere", "openid")));

        assertThat(otherRegistered.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(otherRegistered.body()).get("error_description").asText())
                .startsWith("ESIA-007011: ");
        assertThat(unregistered.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unregistered.body()).get("error_description").asText())
                .startsWith("ESIA-007014: ");
    }

    @Test
    void aTokenRequestMayNotWidenTheAuthorizedScope() throws Exception {
        HttpResponse<String> refused = browser.send(client.tokenPost(
                client.codeExchange(code("ivanova", "openid"), CALLBACK, "openid snils")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("error_description").asText()).startsWith("ESIA-007019: ");
    }

    @Test
    void thePersonApiWantsATokenForThatPersonWithTheScope() throws Exception {
        String code = code("ivanova", "openid fullname");
        JsonNode tokens = JSON.readTree(browser.send(client.tokenPost(
                client.codeExchange(code, CALLBACK, "openid fullname"))).body());
        String bearer = tokens.get("access_token").asText();

        HttpResponse<String> anonymous = browser.get(api("/rs/prns/1000299654"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
        assertThat(JSON.readTree(anonymous.body()).get("error").asText()).isEqualTo("invalid_token");

        HttpResponse<String> foreign = browser.get(api("/rs/prns/1000299655"), bearer);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(foreign.body()).get("error").asText()).isEqualTo("access_denied");

        HttpResponse<String> outOfScope = browser.get(api("/rs/prns/1000299654/docs?embed=%28elements%29"), bearer);
        assertThat(outOfScope.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(outOfScope.body()).get("error").asText()).isEqualTo("insufficient_scope");

        assertThat(browser.get(api("/rs/prns/1000299654"), tokens.get("id_token").asText()).statusCode())
                .isEqualTo(401);
        assertThat(browser.get(api("/rs/prns/1000299654"), bearer + "x").statusCode()).isEqualTo(401);
        assertThat(browser.get(api("/rs/prns/1000299654"), bearer).statusCode()).isEqualTo(200);
    }

    @Test
    void logoutReturnsOnlyToARegisteredUri() {
        HttpResponse<String> page = browser.get(api("/idp/ext/Logout?client_id=FRMR_LK&redirect_url="
                + "https://evil.example/"));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("ESIA-007014");
        assertThat(browser.get(api("/idp/ext/Logout?client_id=NOBODY&redirect_url=http://localhost:8080/"))
                .statusCode()).isEqualTo(400);
        assertThat(Browser.expectRedirect(browser.get(api("/idp/ext/Logout?client_id=FRMR_LK&redirect_url="
                + "http://localhost:8080/")))).isEqualTo(URI.create("http://localhost:8080/"));
    }

    private Map<String, String> errorRedirect(Map<String, String> authorization) {
        URI location = Browser.expectRedirect(browser.get(client.authorizationUri(authorization)));
        assertThat(location.toString()).startsWith(CALLBACK + "?");
        return Browser.query(location);
    }

    /** A fresh browser each time, so no test depends on another's single sign-on. */
    private String code(String login, String scope) {
        URI callback = new Browser().signIn(client.authorizationUri(client.authorization(CALLBACK, scope)), login);
        return Browser.query(callback).get("code");
    }

    private URI api(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }
}
