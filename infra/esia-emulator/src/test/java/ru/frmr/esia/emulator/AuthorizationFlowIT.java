package ru.frmr.esia.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.frmr.gost.GostJws;

/**
 * The emulator as auth-service meets it: a person signs in through the pages, the client exchanges the code and
 * reads the person. Uses the redirect URI added by properties, so that adding one is tested too.
 */
@EmulatorTest
class AuthorizationFlowIT {

    private static final String CALLBACK = EmulatorTest.CALLBACK;
    private static final String PORTAL = EmulatorTest.PORTAL;
    private static final long IVANOVA = 1000299654L;
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
    void signInExchangeTheCodeAndReadThePerson() throws Exception {
        Map<String, String> authorization = client.authorization(CALLBACK, EsiaClient.ALL_SCOPES);

        URI callback = browser.signIn(client.authorizationUri(authorization), "ivanova");

        assertThat(callback.toString()).startsWith(CALLBACK + "?code=");
        Map<String, String> returned = Browser.query(callback);
        assertThat(returned.get("state")).isEqualTo(authorization.get("state"));

        Map<String, String> exchange = client.codeExchange(returned.get("code"), CALLBACK, EsiaClient.ALL_SCOPES);
        HttpResponse<String> response = browser.send(client.tokenPost(exchange));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode tokens = JSON.readTree(response.body());
        assertThat(tokens.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(tokens.get("state").asText()).isEqualTo(exchange.get("state"));
        assertThat(tokens.get("refresh_token").asText()).isNotBlank();

        Map<String, Object> access = verified(tokens.get("access_token").asText());
        assertThat(access.get("urn:esia:sbj_id")).isInstanceOf(Number.class);
        assertThat(((Number) access.get("urn:esia:sbj_id")).longValue()).isEqualTo(IVANOVA);
        assertThat(access).containsEntry("scope", EsiaClient.ALL_SCOPES)
                .containsEntry("iss", "http://127.0.0.1:8089/")
                .containsEntry("client_id", "FRMR_LK")
                .containsKeys("urn:esia:sid", "iat", "nbf", "exp");
        assertThat(((Number) access.get("exp")).longValue() - ((Number) access.get("iat")).longValue())
                .isEqualTo(3600);

        Map<String, Object> id = verified(tokens.get("id_token").asText());
        assertThat(id).containsEntry("sub", String.valueOf(IVANOVA))
                .containsEntry("aud", "FRMR_LK")
                .containsEntry("iss", "http://127.0.0.1:8089/")
                .containsEntry("amr", "PWD")
                .containsEntry("urn:esia:sid", access.get("urn:esia:sid"))
                .containsKeys("iat", "exp");

        String bearer = tokens.get("access_token").asText();
        JsonNode person = json(browser.get(api("/rs/prns/" + IVANOVA), bearer));
        assertThat(person).isEqualTo(JSON.readTree("""
                {"firstName":"Мария","lastName":"Иванова","middleName":"Петровна","birthDate":"12.04.1985",
                 "gender":"F","snils":"112-233-445 95","inn":"770112345695","trusted":true,"citizenship":"RUS"}"""));

        JsonNode contacts = json(browser.get(api("/rs/prns/" + IVANOVA + "/ctts?embed=(elements)"), bearer));
        assertThat(contacts.get("elements")).hasSize(2);
        assertThat(contacts.get("elements").get(0).get("type").asText()).isEqualTo("EML");
        assertThat(contacts.get("elements").get(0).get("value").asText()).isEqualTo("ivanova@frmr.test");
        assertThat(contacts.get("elements").get(0).get("vrfStu").asText()).isEqualTo("VERIFIED");
        assertThat(contacts.get("elements").get(1).get("type").asText()).isEqualTo("MBT");
        assertThat(contacts.get("elements").get(1).get("value").asText()).isEqualTo("+79990000001");

        JsonNode documents = json(browser.get(api("/rs/prns/" + IVANOVA + "/docs?embed=(elements)"), bearer));
        JsonNode passport = documents.get("elements").get(0);
        assertThat(passport.get("type").asText()).isEqualTo("RF_PASSPORT");
        assertThat(passport.get("series").asText()).isEqualTo("4505");
        assertThat(passport.get("number").asText()).isEqualTo("612345");
        assertThat(passport.get("issueDate").asText()).isEqualTo("20.04.2005");
        assertThat(passport.get("issuedBy").asText()).isNotBlank();
        assertThat(passport.get("vrfStu").asText()).isEqualTo("VERIFIED");

        assertThat(json(browser.get(api("/rs/prns/" + IVANOVA + "/roles"), bearer)).get("elements")).isEmpty();
    }

    @Test
    void withoutEmbedCollectionsListLinksToTheirElements() throws Exception {
        String bearer = signInAndExchange("petrov", "openid contacts").get("access_token").asText();

        JsonNode links = json(browser.get(api("/rs/prns/1000299655/ctts"), bearer));
        String emailLink = links.get("elements").get(0).asText();
        assertThat(emailLink).endsWith("/rs/prns/1000299655/ctts/1");
        assertThat(json(browser.get(URI.create(emailLink), bearer)).get("value").asText())
                .isEqualTo("petrov@frmr.test");
    }

    @Test
    void theHrPersonActsForHerOrganisation() throws Exception {
        String bearer = signInAndExchange("sidorova.hr", "openid fullname usr_org").get("access_token").asText();

        JsonNode roles = json(browser.get(api("/rs/prns/1000299656/roles"), bearer));
        assertThat(roles.get("elements")).hasSize(1);
        assertThat(roles.get("elements").get(0)).isEqualTo(JSON.readTree("""
                {"oid":5000001,"fullName":"ГБУЗ «Городская поликлиника № 1»","ogrn":"1027700543210",
                 "chief":true,"admin":false,"active":true}"""));
    }

    @Test
    void fieldsOutsideTheScopesAreLeftOut() throws Exception {
        String bearer = signInAndExchange("petrov", "openid snils").get("access_token").asText();

        assertThat(json(browser.get(api("/rs/prns/1000299655"), bearer))).isEqualTo(JSON.readTree("""
                {"snils":"123-456-789 64","trusted":true,"citizenship":"RUS"}"""));
    }

    @Test
    void aRefreshTokenBuysNewTokensOnce() throws Exception {
        JsonNode first = signInAndExchange("ivanova", "openid fullname");
        String refreshToken = first.get("refresh_token").asText();

        HttpResponse<String> refreshed = browser.send(client.tokenPost(
                client.refresh(refreshToken, CALLBACK, "openid fullname")));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode second = JSON.readTree(refreshed.body());
        assertThat(second.get("refresh_token").asText()).isNotEqualTo(refreshToken);
        Map<String, Object> access = verified(second.get("access_token").asText());
        assertThat(((Number) access.get("urn:esia:sbj_id")).longValue()).isEqualTo(IVANOVA);
        assertThat(access.get("urn:esia:sid")).isEqualTo(verified(first.get("access_token").asText())
                .get("urn:esia:sid"));

        HttpResponse<String> replayed = browser.send(client.tokenPost(
                client.refresh(refreshToken, CALLBACK, "openid fullname")));
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(json(replayed).get("error_description").asText()).startsWith("ESIA-007011: ");
    }

    @Test
    void aSignedInBrowserGetsCodesWithoutSigningInAgainUntilItLogsOut() {
        browser.signIn(client.authorizationUri(client.authorization(CALLBACK, "openid")), "ivanova");

        URI again = Browser.expectRedirect(browser.get(client.authorizationUri(
                client.authorization(CALLBACK, "openid"))));
        assertThat(again.toString()).startsWith(CALLBACK + "?code=");

        URI logout = api("/idp/ext/Logout?client_id=FRMR_LK&redirect_url=" + PORTAL);
        assertThat(Browser.expectRedirect(browser.get(logout))).isEqualTo(URI.create(PORTAL));

        URI afterLogout = Browser.expectRedirect(browser.get(client.authorizationUri(
                client.authorization(CALLBACK, "openid"))));
        assertThat(afterLogout.getPath()).isEqualTo("/idp/login");
    }

    @Test
    void theDefaultRedirectUriStaysRegisteredBesideTheAddedOne() {
        URI callback = browser.signIn(client.authorizationUri(
                client.authorization(EmulatorTest.DEFAULT_CALLBACK, "openid")), "petrov");

        assertThat(callback.toString()).startsWith(EmulatorTest.DEFAULT_CALLBACK + "?code=");
    }

    @Test
    void wrongPasswordsAreShownAndEndTheFlowAfterThree() {
        URI loginPage = Browser.expectRedirect(browser.get(client.authorizationUri(
                client.authorization(CALLBACK, "openid"))));
        String csrf = Browser.csrf(browser.get(loginPage));

        for (int attempt = 1; attempt <= 2; attempt++) {
            HttpResponse<String> page = browser.post(loginPage,
                    Map.of("login", "ivanova", "password", "wrong", "_csrf", csrf));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Неверный логин или пароль");
        }
        HttpResponse<String> third = browser.post(loginPage,
                Map.of("login", "ivanova", "password", "wrong", "_csrf", csrf));
        assertThat(third.statusCode()).isEqualTo(429);

        assertThat(browser.post(loginPage, Map.of("login", "ivanova", "password", "Passw0rd!", "_csrf", csrf))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void aWrongOneTimeCodeIsShownAndTheRightOneStillWorks() {
        Map<String, String> authorization = client.authorization(CALLBACK, "openid");
        URI loginPage = Browser.expectRedirect(browser.get(client.authorizationUri(authorization)));
        URI codePage = Browser.expectRedirect(browser.post(loginPage,
                Map.of("login", "orlova.rzn", "password", "Passw0rd!", "_csrf", Browser.csrf(browser.get(loginPage)))));
        HttpResponse<String> page = browser.get(codePage);
        assertThat(page.body()).contains("+7 (999) ***-**-05");
        String csrf = Browser.csrf(page);

        HttpResponse<String> wrong = browser.post(codePage, Map.of("code", "000000", "_csrf", csrf));
        assertThat(wrong.body()).contains("Неверный код подтверждения");

        URI callback = Browser.expectRedirect(browser.post(codePage, Map.of("code", "123456", "_csrf", csrf)));
        assertThat(Browser.query(callback).get("state")).isEqualTo(authorization.get("state"));
    }

    @Test
    void formsWithoutTheFlowsCsrfTokenAreRefused() {
        URI loginPage = Browser.expectRedirect(browser.get(client.authorizationUri(
                client.authorization(CALLBACK, "openid"))));

        assertThat(browser.post(loginPage, Map.of("login", "ivanova", "password", "Passw0rd!")).statusCode())
                .isEqualTo(403);
        assertThat(browser.post(loginPage, Map.of("login", "ivanova", "password", "Passw0rd!",
                "_csrf", UUID.randomUUID().toString())).statusCode()).isEqualTo(403);
    }

    private JsonNode signInAndExchange(String login, String scope) throws Exception {
        URI callback = browser.signIn(client.authorizationUri(client.authorization(CALLBACK, scope)), login);
        HttpResponse<String> response = browser.send(client.tokenPost(
                client.codeExchange(Browser.query(callback).get("code"), CALLBACK, scope)));
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private URI api(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery.replace("(", "%28").replace(")", "%29"));
    }

    private static Map<String, Object> verified(String token) {
        return GostJws.verify(token, DevKeys.emulatorCertificate().getPublicKey())
                .orElseThrow(() -> new AssertionError("not signed by the emulator's certificate: " + token));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
