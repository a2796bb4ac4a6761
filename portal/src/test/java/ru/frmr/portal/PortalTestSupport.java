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
 * What the portal's integration tests share: the portal on a random port against WireMock in the gateway's
 * place (the browser tests in infra/e2e-tests use the real platform), a cookie-keeping client that does what a
 * browser does without one, and the login handoff answered for any roles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class PortalTestSupport {

    protected static final WireMockServer GATEWAY = new WireMockServer(wireMockConfig().dynamicPort());
    protected static final String WORKER_ID = "6f1c2a8e-5b7d-4c1e-9a3f-2d4b6c8e0a1f";

    static {
        GATEWAY.start();
        Runtime.getRuntime().addShutdownHook(new Thread(GATEWAY::stop));
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> SharedTestInfra.get().mongoUri("portal_it"));
        registry.add("frmr.portal.gateway-url", GATEWAY::baseUrl);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    protected final ObjectMapper json = new ObjectMapper();
    protected HttpClient browser;

    @BeforeEach
    void newBrowser() {
        GATEWAY.resetAll();
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/dictionaries/specialties")).willReturn(okJson(
                "{\"name\":\"specialties\",\"version\":\"1\",\"items\":[{\"code\":\"31.08.49\",\"name\":\"Терапия\"}]}")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/dictionaries/regions")).willReturn(okJson(
                "{\"name\":\"regions\",\"version\":\"1\",\"items\":[{\"code\":\"77\",\"name\":\"Москва\"}]}")));
    }

    /** Signs in through the handoff as a person with these roles (and {@link #WORKER_ID} when a worker). */
    protected void signInAs(String... roles) throws Exception {
        signInWith(token(roles));
    }

    /** Signs in as an HR officer of this organisation ({@code org_basis} CHIEF, ADMIN or GRANTED), with more roles. */
    protected void signInAsHrOf(String orgId, String basis, String... otherRoles) throws Exception {
        String[] roles = java.util.stream.Stream.concat(java.util.stream.Stream.of("EMPLOYER_HR"),
                java.util.Arrays.stream(otherRoles)).toArray(String[]::new);
        signInWith(tokenWith(",\"org_id\":\"" + orgId + "\",\"org_basis\":\"" + basis + "\"", roles));
    }

    private void signInWith(String token) throws Exception {
        String challenge = startLogin();
        String code = "handoff-" + java.util.UUID.randomUUID();
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/handoff"))
                .withRequestBody(matchingJsonPath("$.code", equalTo(code)))
                .willReturn(okJson("{\"status\":\"SESSION_OPENED\",\"access_token\":\"" + token
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"refresh_token\":\"r-" + code
                        + "\",\"session_id\":\"s-1\",\"person\":{\"lastName\":\"Иванова\",\"firstName\":\"Мария\","
                        + "\"middleName\":\"Петровна\"}}")));
        HttpResponse<String> complete = open("/login/complete?code=" + code);
        assertThat(complete.statusCode()).isEqualTo(302);
    }

    // --- the login's steps -------------------------------------------------------------------------------------

    /** Follows /login to auth-service's address and answers the PKCE challenge it carries. */
    protected String startLogin() throws Exception {
        HttpResponse<String> login = open("/login");
        assertThat(login.statusCode()).isEqualTo(302);
        String location = login.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/api/auth/esia/login?challenge=");
        String challenge = URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8);
        assertThat(challenge).matches("[A-Za-z0-9_-]{43}");
        return challenge;
    }

    /** The handoff answers only the verifier whose SHA-256 is the challenge the browser carried. */
    protected void stubHandoff(String challenge, String code, int expiresIn, String refresh) {
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/handoff"))
                .withRequestBody(matchingJsonPath("$.code", equalTo(code)))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody(opened(expiresIn, refresh))));
    }

    /** The portal redeemed the code with the verifier whose SHA-256 is the challenge the browser carried. */
    protected void assertVerifierMatches(String challenge, String code) throws Exception {
        LoggedRequest handoff = GATEWAY.findAll(postRequestedFor(urlEqualTo("/api/auth/handoff"))).stream()
                .filter(request -> request.getBodyAsString().contains(code)).findFirst().orElseThrow();
        String verifier = json.readTree(handoff.getBodyAsString()).path("verifier").asText();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(digest)).isEqualTo(challenge);
    }

    protected static String opened(int expiresIn, String refresh) {
        return "{\"status\":\"SESSION_OPENED\",\"access_token\":\"" + token() + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":" + expiresIn + ",\"refresh_token\":\"" + refresh + "\",\"session_id\":\"s-1\"}";
    }

    /** A token as auth-service shapes it; the portal reads its claims for the menu, the services verify it. */
    protected static String token() {
        return token("WORKER");
    }

    protected static String token(String... roles) {
        return tokenWith("", roles);
    }

    /** @param moreClaims further claims, each with its leading comma */
    protected static String tokenWith(String moreClaims, String... roles) {
        String header = b64("{\"alg\":\"ES256\",\"kid\":\"k1\"}");
        String roleList = String.join(",", java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").toList());
        String payload = b64("{\"sub\":\"a-1\",\"sid\":\"s-1\",\"roles\":[" + roleList + "],\"worker_id\":\""
                + WORKER_ID + "\",\"exp\":4102444800" + moreClaims + "}");
        return header + "." + payload + ".c2lnbmF0dXJl";
    }

    protected static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    protected static String worker() {
        String soon = java.time.LocalDate.now().plusDays(30).toString();
        return """
                {"id":"%s","lastName":"Иванова","firstName":"Мария","middleName":"Петровна","birthDate":"1985-04-12",
                 "snils":"112-233-445 95","accountStatus":"ACTIVE","pendingChanges":0,
                 "entries":{"e1":{"section":"ACCREDITATION","kind":"PRIMARY","protocolNumber":"1",
                 "protocolDate":"2021-01-01","specialtyCode":"31.08.49","endDate":"%s"}},
                 "sections":{"EDUCATION":[],"POSTGRADUATE_EDUCATION":[],"ADDITIONAL_EDUCATION":[],"CERTIFICATES":[],
                 "ACCREDITATION":[{"entryId":"e1","status":"APPROVED","entry":{"section":"ACCREDITATION",
                 "kind":"PRIMARY","protocolNumber":"1","protocolDate":"2021-01-01","specialtyCode":"31.08.49",
                 "endDate":"%2$s"},"endDate":"%2$s","expiresInDays":30,"changeId":null,"changeKind":null,
                 "submittedAt":null,"decidedAt":null,"reason":null}],"QUALIFICATION_CATEGORIES":[]}}"""
                .formatted(WORKER_ID, soon);
    }

    // --- a browser without a browser ---------------------------------------------------------------------------

    protected HttpResponse<String> open(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("User-Agent", "PortalIT-browser").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> submit(String path, Map<String, String> form, String csrf) throws Exception {
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

    /** A form with a file field, as a browser posts it (multipart/form-data; the CSRF token among the fields). */
    protected HttpResponse<String> submitWithFile(String path, Map<String, String> form, String fileName,
                                                  String contentType, byte[] file, String csrf) throws Exception {
        String boundary = "----PortalIT" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> fields = new java.util.LinkedHashMap<>(form);
        if (csrf != null) {
            fields.put("_csrf", csrf);
        }
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + (fileName == null ? "" : fileName) + "\"\r\nContent-Type: "
                + (contentType == null ? "application/octet-stream" : contentType) + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("User-Agent", "PortalIT-browser")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected static String csrf(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("the page's form carries a CSRF token").isTrue();
        return token.group(1);
    }

    /** Every form of the page that posts carries its own CSRF token (a form without one is refused with 403). */
    protected static String everyFormCarriesCsrf(String page) {
        Matcher form = Pattern.compile("<form\\b[^>]*method=\"post\"[^>]*>(.*?)</form>", Pattern.DOTALL)
                .matcher(page);
        int forms = 0;
        while (form.find()) {
            forms++;
            assertThat(form.group(1)).as("a posting form: %s", form.group(0)).contains("name=\"_csrf\"");
        }
        assertThat(forms).as("posting forms on the page").isPositive();
        return page;
    }

    protected static void assertOnlyThePortalCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertThat(cookies).allSatisfy(cookie -> assertThat(cookie).startsWith("frmr_portal=").contains("HttpOnly"));
    }
}
