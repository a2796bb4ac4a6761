package ru.frmr.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.infra.embedded.SharedTestInfra;

/**
 * The portal as a browser meets it, with WireMock answering in the gateway's place (the browser tests in
 * infra/e2e-tests run it against the real platform): the login handoff keeps every token on the server, the
 * tokens are refreshed and stored sealed, an ended platform session sends the person through the login back to
 * the page they were on, and every error is a page of the portal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalIT {

    static final WireMockServer GATEWAY = new WireMockServer(wireMockConfig().dynamicPort());
    static final String WORKER_ID = "6f1c2a8e-5b7d-4c1e-9a3f-2d4b6c8e0a1f";

    static {
        GATEWAY.start();
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> SharedTestInfra.get().mongoUri("portal_it"));
        registry.add("frmr.portal.gateway-url", GATEWAY::baseUrl);
    }

    @AfterAll
    static void stop() {
        GATEWAY.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    final ObjectMapper json = new ObjectMapper();
    HttpClient browser;

    @BeforeEach
    void setUp() {
        GATEWAY.resetAll();
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/dictionaries/specialties")).willReturn(okJson(
                "{\"name\":\"specialties\",\"version\":\"1\",\"items\":[{\"code\":\"31.08.49\",\"name\":\"Терапия\"}]}")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/dictionaries/regions")).willReturn(okJson(
                "{\"name\":\"regions\",\"version\":\"1\",\"items\":[{\"code\":\"77\",\"name\":\"Москва\"}]}")));
    }

    @Test
    void theStartPageOffersTheLoginAndSearchesThePublicRegister() throws Exception {
        HttpResponse<String> start = open("/");
        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(start.body()).contains("Войти через Госуслуги", "<option value=\"31.08.49\">Терапия</option>");
        String policy = start.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'", "form-action 'self'").doesNotContain("unsafe-inline");

        GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/public/workers")).willReturn(okJson("""
                {"items":[{"workerId":"%s","lastName":"Иванова","firstName":"Мария","middleName":"Петровна",
                 "specialties":[{"code":"31.08.49","name":"Терапия"}],
                 "licenses":[{"kind":"ACCREDITATION","specialtyCode":"31.08.49","status":"ACTIVE","endDate":"2031-03-01"}],
                 "status":"ACTIVE"}],"total":1,"page":0,"size":20}""".formatted(WORKER_ID))));
        HttpResponse<String> found = open("/search?q=%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%D0%B0&status=ACTIVE");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("Найдено: 1", "Иванова Мария Петровна", "Право на работу действует",
                "Аккредитация, Терапия — до 01.03.2031");
        LoggedRequest search = GATEWAY.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlPathEqualTo("/api/registry/public/workers"))).get(0);
        assertThat(search.queryParameter("q").firstValue()).isEqualTo("Иванова");
        assertThat(search.queryParameter("status").firstValue()).isEqualTo("ACTIVE");
        assertThat(search.containsHeader("Authorization")).isFalse();
    }

    @Test
    void theLoginHandsTheTokensToThePortalAndNoneToTheBrowser() throws Exception {
        String challenge = startLogin();
        stubHandoff(challenge, "handoff-1", 300, "refresh-1");
        GATEWAY.stubFor(get(urlEqualTo("/api/registry/workers/" + WORKER_ID)).willReturn(okJson(worker())));

        HttpResponse<String> complete = open("/login/complete?code=handoff-1");
        assertThat(complete.statusCode()).isEqualTo(302);
        assertThat(complete.headers().firstValue("Location")).contains("/cabinet");
        assertOnlyThePortalCookie(complete);
        assertVerifierMatches(challenge, "handoff-1");

        HttpResponse<String> cabinet = open("/cabinet");
        assertThat(cabinet.statusCode()).isEqualTo(200);
        assertThat(cabinet.body()).contains("Иванова Мария Петровна", "Активна", "Аккредитация истекает через");
        LoggedRequest read = GATEWAY.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlEqualTo("/api/registry/workers/" + WORKER_ID))).get(0);
        assertThat(read.getHeader("Authorization")).isEqualTo("Bearer " + token());
        assertThat(read.getHeader("User-Agent")).isEqualTo("PortalIT-browser");

        // What the portal keeps is sealed: neither token is in its database as it is.
        String stored = mongo.getCollection("portal_logins").find().into(new java.util.ArrayList<>()).toString();
        assertThat(stored).doesNotContain("refresh-1").doesNotContain(token().substring(40));
    }

    @Test
    void anAccessTokenAboutToExpireIsReplacedWithTheRotatedRefreshToken() throws Exception {
        String challenge = startLogin();
        stubHandoff(challenge, "handoff-2", 30, "refresh-old");
        GATEWAY.stubFor(get(urlEqualTo("/api/registry/workers/" + WORKER_ID)).willReturn(okJson(worker())));
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/token"))
                .withRequestBody(equalToJson("{\"refresh_token\":\"refresh-old\"}"))
                .willReturn(okJson("{\"access_token\":\"" + token() + "\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":300,\"refresh_token\":\"refresh-new\"}")));
        open("/login/complete?code=handoff-2");

        assertThat(open("/cabinet").statusCode()).isEqualTo(200);
        assertThat(open("/cabinet").statusCode()).isEqualTo(200);
        // One refresh for both pages: the new token lasts; the old refresh token was used once only.
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/auth/token")));
    }

    @Test
    void anEndedPlatformSessionSendsThePersonThroughTheLoginBackToTheirPage() throws Exception {
        String challenge = startLogin();
        stubHandoff(challenge, "handoff-3", 300, "refresh-3");
        open("/login/complete?code=handoff-3");
        GATEWAY.stubFor(get(urlEqualTo("/api/registry/workers/" + WORKER_ID)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/unauthorized\",\"status\":401}")));

        HttpResponse<String> cabinet = open("/cabinet?tab=1");
        assertThat(cabinet.statusCode()).isEqualTo(302);
        assertThat(cabinet.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        GATEWAY.stubFor(get(urlEqualTo("/api/registry/workers/" + WORKER_ID)).willReturn(okJson(worker())));
        String again = startLogin();
        stubHandoff(again, "handoff-4", 300, "refresh-4");
        HttpResponse<String> back = open("/login/complete?code=handoff-4");
        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/cabinet?tab=1");
    }

    @Test
    void aSecondFactorIsAskedOnThePortalsOwnPage() throws Exception {
        String challenge = startLogin();
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/handoff"))
                .withRequestBody(matchingJsonPath("$.code", equalTo("handoff-5")))
                .willReturn(okJson("{\"status\":\"SECOND_FACTOR_REQUIRED\",\"login\":\"pending-secret\","
                        + "\"sentTo\":\"k***@frmr.test\",\"expiresAt\":\"2030-01-01T00:00:00Z\"}")));
        HttpResponse<String> complete = open("/login/complete?code=handoff-5");
        assertThat(complete.headers().firstValue("Location").orElseThrow()).endsWith("/login/code");
        HttpResponse<String> page = open("/login/code");
        assertThat(page.body()).contains("Код отправлен на k***@frmr.test").doesNotContain("pending-secret");

        HttpResponse<String> wrongShape = submit("/login/code", Map.of("code", "12ab"), csrf(page.body()));
        assertThat(wrongShape.statusCode()).isEqualTo(400);
        assertThat(wrongShape.body()).contains("Исправьте ошибки", "href=\"#code\"", "Введите шесть цифр");

        GATEWAY.stubFor(post(urlEqualTo("/api/auth/handoff/second-factor"))
                .withRequestBody(equalToJson("{\"login\":\"pending-secret\",\"code\":\"654321\"}"))
                .willReturn(okJson(opened(300, "refresh-5"))));
        HttpResponse<String> passed = submit("/login/code", Map.of("code", "654321"), csrf(page.body()));
        assertThat(passed.statusCode()).isEqualTo(302);
        assertThat(passed.headers().firstValue("Location").orElseThrow()).endsWith("/cabinet");
        assertThat(challenge).isNotBlank();
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        open("/");
        HttpResponse<String> forged = submit("/login/code", Map.of("code", "123456"), null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Нет доступа").doesNotContain("\"status\"");
    }

    @Test
    void errorsArePagesOfThePortal() throws Exception {
        HttpResponse<String> anonymous = open("/admin/moderation");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        String challenge = startLogin();
        stubHandoff(challenge, "handoff-6", 300, "refresh-6");
        open("/login/complete?code=handoff-6");
        HttpResponse<String> forbidden = open("/admin/moderation");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Нет доступа");

        HttpResponse<String> unknown = open("/no-such-page");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(unknown.body()).contains("Страница не найдена");

        GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/public/workers")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "17").withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/too-many-requests\",\"status\":429}")));
        HttpResponse<String> limited = open("/search?q=x");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("Слишком много запросов", "Повторите через 17 с.");

        GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/public/workers")).willReturn(aResponse().withStatus(500)));
        HttpResponse<String> failed = open("/search?q=x");
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.body()).contains("Сервис временно недоступен", "Код запроса");
    }

    // --- the login's steps -------------------------------------------------------------------------------------

    /** Follows /login to auth-service's address and answers the PKCE challenge it carries. */
    private String startLogin() throws Exception {
        HttpResponse<String> login = open("/login");
        assertThat(login.statusCode()).isEqualTo(302);
        String location = login.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/api/auth/esia/login?challenge=");
        String challenge = URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8);
        assertThat(challenge).matches("[A-Za-z0-9_-]{43}");
        return challenge;
    }

    /** The handoff answers only the verifier whose SHA-256 is the challenge the browser carried. */
    private void stubHandoff(String challenge, String code, int expiresIn, String refresh) {
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/handoff"))
                .withRequestBody(matchingJsonPath("$.code", equalTo(code)))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody(opened(expiresIn, refresh))));
    }

    /** The portal redeemed the code with the verifier whose SHA-256 is the challenge the browser carried. */
    private void assertVerifierMatches(String challenge, String code) throws Exception {
        LoggedRequest handoff = GATEWAY.findAll(postRequestedFor(urlEqualTo("/api/auth/handoff"))).stream()
                .filter(request -> request.getBodyAsString().contains(code)).findFirst().orElseThrow();
        String verifier = json.readTree(handoff.getBodyAsString()).path("verifier").asText();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(digest)).isEqualTo(challenge);
    }

    private static String opened(int expiresIn, String refresh) {
        return "{\"status\":\"SESSION_OPENED\",\"access_token\":\"" + token() + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":" + expiresIn + ",\"refresh_token\":\"" + refresh + "\",\"session_id\":\"s-1\"}";
    }

    /** A token as auth-service shapes it; the portal reads its claims for the menu, the services verify it. */
    private static String token() {
        String header = b64("{\"alg\":\"ES256\",\"kid\":\"k1\"}");
        String payload = b64("{\"sub\":\"a-1\",\"sid\":\"s-1\",\"roles\":[\"WORKER\"],\"worker_id\":\"" + WORKER_ID
                + "\",\"exp\":4102444800}");
        return header + "." + payload + ".c2lnbmF0dXJl";
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String worker() {
        String soon = java.time.LocalDate.now().plusDays(30).toString();
        return """
                {"id":"%s","lastName":"Иванова","firstName":"Мария","middleName":"Петровна","birthDate":"1985-04-12",
                 "snils":"112-233-445 95","accountStatus":"ACTIVE","pendingChanges":0,
                 "entries":{"e1":{"section":"ACCREDITATION","kind":"PRIMARY","protocolNumber":"1",
                 "protocolDate":"2021-01-01","specialtyCode":"31.08.49","endDate":"%s"}}}""".formatted(WORKER_ID, soon);
    }

    // --- a browser without a browser ---------------------------------------------------------------------------

    private HttpResponse<String> open(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("User-Agent", "PortalIT-browser").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> submit(String path, Map<String, String> form, String csrf) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        if (csrf != null) {
            body.append("&_csrf=").append(java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        }
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("User-Agent", "PortalIT-browser")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("the page's form carries a CSRF token").isTrue();
        return token.group(1);
    }

    private static void assertOnlyThePortalCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertThat(cookies).allSatisfy(cookie -> assertThat(cookie).startsWith("frmr_portal=").contains("HttpOnly"));
    }
}
