package ru.frmr.auth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.frmr.auth.it.AuthIntegrationTest.assertProblem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.auth.command.Accounts;
import ru.frmr.auth.command.AddressHashes;
import ru.frmr.auth.identity.IdentifiedPerson;
import ru.frmr.auth.oidc.Pkce;
import ru.frmr.auth.session.Hashes;
import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.auth.LoginFailed;

/**
 * A login the portal starts: the browser goes through ESIA as usual and comes back to the portal with a one-time
 * handoff code, never with a token or a refresh cookie; the portal, server to server (its own HTTP client without
 * cookies, passing on the browser's User-Agent and address as the gateway would forward them), redeems the code with
 * its PKCE verifier and finishes the second factor or the activation request. A context and database of its own:
 * its clock is one the test moves (the code's two minutes), and it provisions an unconfirmed account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalHandoffIT {

    /** Where the browser was, as the gateway forwards the portal's call: the browser's address, then the portal's. */
    private static final String FORWARDED_FOR = "203.0.113.7, 10.20.30.40";
    private static final String BROWSER_ADDRESS = "203.0.113.7";
    private static final String PORTAL_COMPLETE = "http://localhost:8080/login/complete";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        AuthIntegrationTest.properties("auth_portal_handoff_it").forEach((k, v) -> registry.add(k, () -> v));
        // Consumer groups are named after the application; this context lives beside the shared one.
        registry.add("spring.application.name", () -> "auth-service-portal-handoff-it");
    }

    @TestConfiguration
    static class ShiftedTime {

        @Bean
        @Primary
        ShiftableClock shiftableClock() {
            return new ShiftableClock();
        }
    }

    /**
     * The system clock moved by an offset the test sets. Not a frozen clock: ESIA's tokens and timestamps are checked
     * against this one, so it must keep pace with the emulator's.
     */
    static final class ShiftableClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Clock.systemUTC().instant().plus(offset);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ShiftableClock clock;

    @Autowired
    Accounts accounts;

    @Autowired
    AddressHashes addressHashes;

    private final AuthEvents events = new AuthEvents();
    /** Every answer of the handoff path in the current test, checked for refresh cookies at its end. */
    private final List<HttpResponse<String>> answers = new ArrayList<>();

    @BeforeEach
    void forgetAnswers() {
        answers.clear();
    }

    @AfterAll
    void closeEvents() {
        events.close();
    }

    @Test
    void aWorkerIsHandedOffToThePortalWhichRefreshesWithTheTokenInTheBody(CapturedOutput output) throws Exception {
        String userAgent = "Firefox/130 (ward phone)";
        Browser browser = new Browser(port, userAgent);
        Portal portal = new Portal(userAgent);
        String verifier = Hashes.randomSecret();

        String code = handOff(browser, verifier, TestPeople.IVANOVA);
        assertThat(browser.cookie("frmr_refresh")).isEmpty();

        HttpResponse<String> redeemed = portal.post("/api/auth/handoff", redeem(code, verifier));
        assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
        assertThat(redeemed.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode session = Browser.json(redeemed);
        assertThat(session.get("status").asText()).isEqualTo("SESSION_OPENED");
        assertThat(session.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(session.get("expires_in").asInt()).isEqualTo(300);
        String sessionId = session.get("session_id").asText();
        String firstRefresh = session.get("refresh_token").asText();
        assertThat(firstRefresh).startsWith(sessionId + ".");
        String access = session.get("access_token").asText();
        JWTClaimsSet claims = SignedJWT.parse(access).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(Accounts.idFor("esia", TestPeople.IVANOVA.oid));
        assertThat(claims.getStringClaim("sid")).isEqualTo(sessionId);
        assertThat(claims.getStringListClaim("roles")).containsExactly("WORKER");
        assertPerson(session, "Иванова", "Мария", "Петровна");

        assertProblem(portal.post("/api/auth/handoff", redeem(code, verifier)), 400, "invalid-handoff");

        HttpResponse<String> refreshed = portal.post("/api/auth/token",
                "{\"refresh_token\":\"" + firstRefresh + "\"}");
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.headers().allValues("Set-Cookie")).isEmpty();
        String rotated = Browser.json(refreshed).get("refresh_token").asText();
        assertThat(rotated).startsWith(sessionId + ".").isNotEqualTo(firstRefresh);
        String refreshedAccess = Browser.json(refreshed).get("access_token").asText();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode current = currentSession(browser, refreshedAccess);
            assertThat(current.get("id").asText()).isEqualTo(sessionId);
            assertThat(current.get("device").asText()).as("the browser's, from the callback").isEqualTo(userAgent);
        });

        // The spent token again: reuse ends the session, so the current one stops too.
        assertProblem(portal.post("/api/auth/token", "{\"refresh_token\":\"" + firstRefresh + "\"}"), 401,
                "unauthorized");
        assertProblem(portal.post("/api/auth/token", "{\"refresh_token\":\"" + rotated + "\"}"), 401,
                "unauthorized");
        assertProblem(portal.post("/api/auth/token", "{\"refresh_token\":\"not a token\"}"), 400, "validation");
        assertNoRefreshCookie();

        List<String> secrets = List.of(code, verifier, firstRefresh, rotated, access, refreshedAccess,
                firstRefresh.substring(firstRefresh.indexOf('.') + 1), rotated.substring(rotated.indexOf('.') + 1));
        events.await(claims.getSubject(), EventTypes.SESSION_ENDED,
                e -> new String(e.getData().toBytes(), StandardCharsets.UTF_8).contains(sessionId));
        assertNoSecretIn(output, secrets);
        assertNoNameIn(output, List.of("Иванова", "Мария", "Петровна"));
    }

    @Test
    void anAdministratorsSecondFactorIsFinishedByThePortalForTheBrowsersDevice(CapturedOutput output)
            throws Exception {
        TestPeople admin = TestPeople.KUZNETSOV_ADMIN;
        String userAgent = "Chrome/131 (admin desk)";
        Browser browser = new Browser(port, userAgent);
        Portal portal = new Portal(userAgent);
        String verifier = Hashes.randomSecret();
        int mailsBefore = Mailbox.count(admin.email());

        String code = handOff(browser, verifier, admin);
        HttpResponse<String> redeemed = portal.post("/api/auth/handoff", redeem(code, verifier));
        assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
        JsonNode pending = Browser.json(redeemed);
        assertThat(pending.get("status").asText()).isEqualTo("SECOND_FACTOR_REQUIRED");
        assertThat(pending.get("sentTo").asText()).isEqualTo("k***@frmr.test");
        assertThat(Instant.parse(pending.get("expiresAt").asText())).isAfter(clock.instant());
        assertThat(pending.has("access_token")).isFalse();
        assertThat(pending.has("person")).as("named only once the session is open").isFalse();
        String login = pending.get("login").asText();
        assertThat(login).matches("[A-Za-z0-9_-]{43}");
        String oneTimeCode = Mailbox.awaitCode(admin.email(), mailsBefore);

        String wrong = oneTimeCode.equals("000000") ? "000001" : "000000";
        HttpResponse<String> wrongAnswer = portal.post("/api/auth/handoff/second-factor", secondFactor(login, wrong));
        assertProblem(wrongAnswer, 400, "wrong-code");
        assertThat(Browser.json(wrongAnswer).get("remainingAttempts").asInt()).isEqualTo(4);
        // The failure names the browser's address (not the portal's) by its keyed hash only, for the anomaly rules.
        String browserHash = addressHashes.of(BROWSER_ADDRESS);
        assertThat(browserHash).isNotNull().isNotEqualTo(addressHashes.of("10.20.30.40"));
        CloudEvent failedEvent = events.await(Accounts.idFor("esia", admin.oid), EventTypes.LOGIN_FAILED,
                e -> browserHash.equals(ContractJson.fromBytes(e.getData().toBytes(), LoginFailed.class)
                        .addressHash()));
        assertThat(ContractJson.fromBytes(failedEvent.getData().toBytes(), LoginFailed.class).reason())
                .isEqualTo("SECOND_FACTOR");
        assertThat(new String(failedEvent.getData().toBytes(), StandardCharsets.UTF_8)).doesNotContain(BROWSER_ADDRESS)
                .doesNotContain("10.20.30.40");
        assertProblem(new Portal("curl/8 (elsewhere)").post("/api/auth/handoff/second-factor",
                secondFactor(login, oneTimeCode)), 400, "code-expired");
        assertProblem(portal.post("/api/auth/handoff/second-factor/resend", "{\"login\":\"" + login + "\"}"), 429,
                "too-many-requests");
        assertProblem(portal.post("/api/auth/handoff/second-factor", "{\"login\":\"" + login + "\",\"code\":\"12\"}"),
                400, "validation");

        HttpResponse<String> verified = portal.post("/api/auth/handoff/second-factor",
                secondFactor(login, oneTimeCode));
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        JsonNode session = Browser.json(verified);
        assertThat(session.get("status").asText()).isEqualTo("SESSION_OPENED");
        String access = session.get("access_token").asText();
        String refresh = session.get("refresh_token").asText();
        assertThat(SignedJWT.parse(access).getJWTClaimsSet().getStringListClaim("roles"))
                .containsExactly("REGISTRY_ADMIN");
        assertPerson(session, "Кузнецов", "Игорь", "Олегович");
        assertThat(refresh).startsWith(session.get("session_id").asText() + ".");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode current = currentSession(browser, access);
            assertThat(current.get("device").asText()).isEqualTo(userAgent);
            assertThat(current.get("ip").asText()).as("the browser's address, not the portal's")
                    .isEqualTo(BROWSER_ADDRESS);
        });
        assertProblem(portal.post("/api/auth/handoff/second-factor", secondFactor(login, oneTimeCode)), 401,
                "unauthorized");
        HttpResponse<String> refreshed = portal.post("/api/auth/token", "{\"refresh_token\":\"" + refresh + "\"}");
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertNoRefreshCookie();

        // Logout as the portal does it: the answer is where the portal sends the browser (ESIA, then back to it).
        HttpResponse<String> logout = browser.post("/api/auth/logout",
                Browser.json(refreshed).get("access_token").asText());
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
        URI esiaLogout = URI.create(Browser.json(logout).get("logoutUrl").asText());
        assertThat(esiaLogout.toString()).startsWith(EsiaEmulator.baseUrl() + "/idp/ext/Logout?");
        assertThat(Browser.query(esiaLogout)).containsEntry("redirect_url", "http://localhost:8080/");
        assertProblem(portal.post("/api/auth/token", "{\"refresh_token\":\""
                + Browser.json(refreshed).get("refresh_token").asText() + "\"}"), 401, "unauthorized");
        assertNoSecretIn(output, List.of(code, verifier, login, oneTimeCode, access, refresh,
                Browser.json(refreshed).get("refresh_token").asText()));
        assertNoNameIn(output, List.of("Кузнецов", "Игорь", "Олегович"));
    }

    @Test
    void aCodeWorksOnceOnlyWithItsVerifierAndForTwoMinutes() {
        Portal portal = new Portal("Safari/18 (tablet)");
        String verifier = Hashes.randomSecret();

        // A fresh browser for each login: the emulator would otherwise skip its login page for a signed-in one.
        String wrongVerifier = handOff(new Browser(port, "Safari/18 (tablet)"), verifier, TestPeople.IVANOVA);
        assertProblem(portal.post("/api/auth/handoff", redeem(wrongVerifier, Hashes.randomSecret())), 400,
                "invalid-handoff");
        assertProblem(portal.post("/api/auth/handoff", redeem(wrongVerifier, verifier)), 400, "invalid-handoff");

        String late = handOff(new Browser(port, "Safari/18 (tablet)"), verifier, TestPeople.IVANOVA);
        Duration pastValidity = Duration.ofMinutes(2).plusSeconds(1);
        clock.advance(pastValidity);
        try {
            assertProblem(portal.post("/api/auth/handoff", redeem(late, verifier)), 400, "invalid-handoff");
        } finally {
            clock.advance(pastValidity.negated());
        }
        assertProblem(portal.post("/api/auth/handoff", redeem(late, verifier)), 400, "invalid-handoff");

        String inTime = handOff(new Browser(port, "Safari/18 (tablet)"), verifier, TestPeople.IVANOVA);
        clock.advance(Duration.ofMinutes(2).minusSeconds(5));
        HttpResponse<String> redeemed;
        try {
            redeemed = portal.post("/api/auth/handoff", redeem(inTime, verifier));
        } finally {
            clock.advance(Duration.ofMinutes(2).minusSeconds(5).negated());
        }
        assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
        assertNoRefreshCookie();
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Browser browser = new Browser(port, "Firefox");
        HttpResponse<String> shortChallenge = browser.startPortalLogin("abc");
        assertProblem(shortChallenge, 400, "validation");
        assertThat(Browser.json(shortChallenge).at("/errors/0/field").asText()).isEqualTo("challenge");
        assertThat(browser.cookie("frmr_login")).isEmpty();
        assertProblem(browser.startPortalLogin(Pkce.challenge("v").substring(1) + "="), 400, "validation");

        Portal portal = new Portal("Firefox");
        HttpResponse<String> noVerifier = portal.post("/api/auth/handoff",
                "{\"code\":\"" + Hashes.randomSecret() + "\"}");
        assertProblem(noVerifier, 400, "validation");
        assertThat(Browser.json(noVerifier).at("/errors/0/field").asText()).isEqualTo("verifier");
        assertProblem(portal.post("/api/auth/handoff", redeem(Hashes.randomSecret(), Hashes.randomSecret())), 400,
                "invalid-handoff");
        // No body and no cookie: the browser flow's refresh, refused as it always was.
        assertProblem(portal.post("/api/auth/token", ""), 401, "unauthorized");
        HttpResponse<String> noToken = portal.post("/api/auth/token", "{}");
        assertProblem(noToken, 400, "validation");
        assertThat(Browser.json(noToken).at("/errors/0/field").asText()).isEqualTo("refresh_token");
        assertProblem(portal.post("/api/auth/handoff/activation-request", "{\"login\":\"x\"}"), 400, "validation");
        assertProblem(portal.post("/api/auth/handoff/second-factor/resend",
                "{\"login\":\"" + Hashes.randomSecret() + "\"}"), 401, "unauthorized");
    }

    @Test
    void aLoginEsiaRefusesComesBackToThePortalWithAnErrorAndNoCode() {
        Browser browser = new Browser(port, "Firefox");
        String challenge = Pkce.challenge(Hashes.randomSecret());
        HttpResponse<String> started = browser.startPortalLogin(challenge);
        answers.add(started);
        URI authorization = Browser.redirect(started);
        String secret = Browser.query(authorization).get("client_secret");
        String tampered = (secret.charAt(0) == 'A' ? "B" : "A") + secret.substring(1);
        URI back = Browser.redirect(browser.get(authorization.toString().replace("client_secret=" + secret,
                "client_secret=" + tampered)));

        HttpResponse<String> landed = browser.get(browser.toAuthService(back).toString());
        answers.add(landed);
        assertThat(landed.statusCode()).isEqualTo(302);
        assertThat(landed.headers().firstValue("Location")).hasValue(PORTAL_COMPLETE + "?error=login_failed");
        assertThat(landed.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("frmr_login=;")
                .contains("Max-Age=0"));
        assertNoRefreshCookie();
    }

    @Test
    void anUnconfirmedPersonIsHandedOffToAskForActivation() {
        TestPeople person = TestPeople.PETROV;
        String accountId = Accounts.idFor("esia", person.oid);
        IdentifiedPerson unconfirmed = new IdentifiedPerson(person.oid, "Фамилия", "Имя", null,
                LocalDate.of(1980, 1, 1), "M", person.snils, person.email(), "+79990000002", false, List.of());
        assertThat(accounts.provisionIfAbsent(accountId, unconfirmed, false))
                .as("no other test here logs this person in first").isTrue();
        Browser browser = new Browser(port, "Firefox (unconfirmed)");
        Portal portal = new Portal("Firefox (unconfirmed)");
        String verifier = Hashes.randomSecret();

        String code = handOff(browser, verifier, person);
        HttpResponse<String> redeemed = portal.post("/api/auth/handoff", redeem(code, verifier));
        assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
        JsonNode answer = Browser.json(redeemed);
        assertThat(answer.get("status").asText()).isEqualTo("ACTIVATION_REQUIRED");
        String login = answer.get("login").asText();

        HttpResponse<String> asked = portal.post("/api/auth/handoff/activation-request",
                "{\"login\":\"" + login + "\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        CloudEvent requested = events.await(accountId, EventTypes.ACTIVATION_REQUESTED);
        assertThat(new String(requested.getData().toBytes(), StandardCharsets.UTF_8)).doesNotContain(login);
        assertProblem(portal.post("/api/auth/handoff/activation-request", "{\"login\":\"" + login + "\"}"), 401,
                "unauthorized");
        assertNoRefreshCookie();
    }

    /** The browser's part: login start with the challenge, ESIA, the callback; the handoff code it brings back. */
    private String handOff(Browser browser, String verifier, TestPeople person) {
        HttpResponse<String> started = browser.startPortalLogin(Pkce.challenge(verifier));
        answers.add(started);
        assertThat(browser.cookie("frmr_login")).isPresent();
        URI callback = browser.signInAtEmulator(Browser.redirect(started), person.login);
        HttpResponse<String> landed = browser.get(callback.toString());
        answers.add(landed);
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(302);
        URI complete = Browser.redirect(landed);
        assertThat(complete.toString()).startsWith(PORTAL_COMPLETE + "?code=");
        assertThat(landed.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("frmr_login=;")
                .contains("Max-Age=0"));
        assertThat(browser.cookie("frmr_login")).isEmpty();
        Map<String, String> query = Browser.query(complete);
        assertThat(query).containsOnlyKeys("code");
        assertThat(query.get("code")).matches("[A-Za-z0-9_-]{43}");
        return query.get("code");
    }

    private static JsonNode currentSession(Browser browser, String access) {
        HttpResponse<String> list = browser.get("/api/auth/sessions", access);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        for (JsonNode s : Browser.json(list)) {
            if (s.get("current").asBoolean()) {
                return s;
            }
        }
        throw new AssertionError("no current session in " + list.body());
    }

    private void assertNoRefreshCookie() {
        assertThat(answers).allSatisfy(a -> assertThat(a.headers().allValues("Set-Cookie"))
                .noneSatisfy(c -> assertThat(c).startsWith("frmr_refresh")));
    }

    private void assertNoSecretIn(CapturedOutput output, List<String> secrets) {
        List<String> published = events.seen().stream()
                .map(e -> e.getData() == null ? "" : new String(e.getData().toBytes(), StandardCharsets.UTF_8))
                .toList();
        for (String secret : secrets) {
            assertThat(output.getAll()).doesNotContain(secret);
            assertThat(published).noneSatisfy(data -> assertThat(data).contains(secret));
        }
    }

    /** The ФИО as the emulator's ESIA reports the person, in the SESSION_OPENED answer's {@code person}. */
    private static void assertPerson(JsonNode session, String lastName, String firstName, String middleName) {
        JsonNode person = session.get("person");
        assertThat(person).as("person in " + session.fieldNames()).isNotNull();
        assertThat(person.get("lastName").asText()).isEqualTo(lastName);
        assertThat(person.get("firstName").asText()).isEqualTo(firstName);
        assertThat(person.get("middleName").asText()).isEqualTo(middleName);
    }

    /**
     * The name handed to the portal is in no log line and no event but the one that exists to carry it
     * (AccountProvisioned, to the registry on the internal topic, at a person's first login).
     */
    private void assertNoNameIn(CapturedOutput output, List<String> nameParts) {
        List<String> published = events.seen().stream()
                .filter(e -> !EventTypes.ACCOUNT_PROVISIONED.equals(e.getType()))
                .map(e -> e.getData() == null ? "" : new String(e.getData().toBytes(), StandardCharsets.UTF_8))
                .toList();
        for (String part : nameParts) {
            assertThat(output.getAll()).doesNotContain(part);
            assertThat(published).noneSatisfy(data -> assertThat(data).contains(part));
        }
    }

    private static String redeem(String code, String verifier) {
        return "{\"code\":\"" + code + "\",\"verifier\":\"" + verifier + "\"}";
    }

    private static String secondFactor(String login, String code) {
        return "{\"login\":\"" + login + "\",\"code\":\"" + code + "\"}";
    }

    /**
     * The portal's server calling through the gateway: no cookies, the browser's User-Agent passed on, and
     * X-Forwarded-For as the gateway passes it (the browser's address the portal passed on, then the portal's).
     */
    private final class Portal {

        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final String browserUserAgent;

        Portal(String browserUserAgent) {
            this.browserUserAgent = browserUserAgent;
        }

        HttpResponse<String> post(String path, String json) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", browserUserAgent)
                    .header("X-Forwarded-For", FORWARDED_FOR)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                answers.add(response);
                return response;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
