package ru.frmr.auth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import ru.frmr.auth.command.Accounts;
import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.auth.AccountProvisioned;
import ru.frmr.contracts.auth.IdentityDocument;
import ru.frmr.contracts.auth.LoginSucceeded;
import ru.frmr.auth.employer.EmployerOrganizations;
import ru.frmr.auth.query.AuthQueries;

/** The browser login through the real ESIA emulator, end to end, and every rejection on the way. */
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EsiaLoginIT extends AuthIntegrationTest {

    private static final String CHROME_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    private final AuthEvents events = new AuthEvents();

    @Autowired
    AuthQueries queries;
    @Autowired
    EmployerOrganizations employers;

    @AfterAll
    void closeEvents() {
        events.close();
    }

    @Test
    void aWorkerLogsInThroughEsiaGetsAPlatformJwtAndIsProvisioned(CapturedOutput output) throws Exception {
        TestPeople ivanova = TestPeople.IVANOVA;
        Browser browser = browser("Firefox/128 (worker's laptop)");

        URI authorization = browser.startLogin();
        assertThat(authorization.toString()).startsWith(EsiaEmulator.baseUrl() + "/aas/oauth2/v2/ac?");
        assertThat(browser.cookie("frmr_login")).isPresent();
        URI callback = browser.signInAtEmulator(authorization, ivanova.login);
        String esiaCode = Browser.query(callback).get("code");

        HttpResponse<String> landed = browser.get(callback.toString());
        assertThat(landed.statusCode()).isEqualTo(302);
        assertThat(landed.headers().firstValue("Location")).hasValue("http://localhost:8080/");
        List<String> setCookies = landed.headers().allValues("Set-Cookie");
        assertThat(setCookies).anySatisfy(c -> assertThat(c).startsWith("frmr_refresh=").contains("HttpOnly")
                .contains("SameSite=Strict").contains("Path=/api/auth"));
        String firstRefresh = browser.cookie("frmr_refresh").orElseThrow();

        HttpResponse<String> token = browser.refresh();
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(token.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = Browser.json(token);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(300);
        String rotatedRefresh = browser.cookie("frmr_refresh").orElseThrow();
        assertThat(rotatedRefresh).isNotEqualTo(firstRefresh);

        String accountId = Accounts.idFor("esia", ivanova.oid);
        SignedJWT jwt = SignedJWT.parse(body.get("access_token").asText());
        JWKSet jwks = JWKSet.parse(browser.get(browser.authBase() + "/.well-known/jwks.json").body());
        ECKey key = (ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("frmr-auth");
        assertThat(claims.getAudience()).containsExactly("frmr-platform");
        assertThat(claims.getSubject()).isEqualTo(accountId);
        assertThat(claims.getStringListClaim("roles")).containsExactly("WORKER");
        assertThat(claims.getStringClaim("sid")).isNotBlank();
        assertThat(claims.getClaim("org_id")).isNull();

        CloudEvent provisioned = events.await(accountId, EventTypes.ACCOUNT_PROVISIONED);
        byte[] data = provisioned.getData().toBytes();
        assertThat(ContractSchemas.violations(EventTypes.ACCOUNT_PROVISIONED, data)).isEmpty();
        AccountProvisioned payload = ContractJson.fromBytes(data, AccountProvisioned.class);
        assertThat(payload.medicalWorker()).isTrue();
        assertThat(payload.esiaOid()).isEqualTo(ivanova.oid);
        assertThat(payload.snils()).isEqualTo(ivanova.snils);
        assertThat(payload.lastName()).isEqualTo("Иванова");
        assertThat(payload.email()).isEqualTo(ivanova.email());
        assertThat(payload.gender()).isEqualTo("F");
        assertThat(payload.inn()).isEqualTo(ivanova.inn);
        assertThat(payload.citizenship()).isEqualTo("RUS");
        assertThat(payload.identityDocument()).isEqualTo(new IdentityDocument("RF_PASSPORT", "4505", "612345",
                LocalDate.of(2005, 4, 20), "ГУ МВД России по г. Москве", "770-001"));
        String sid = claims.getStringClaim("sid");
        CloudEvent login = events.await(accountId, EventTypes.LOGIN_SUCCEEDED,
                e -> new String(e.getData().toBytes(), StandardCharsets.UTF_8).contains(sid));
        assertThat(ContractSchemas.violations(login.getType(), login.getData().toBytes())).isEmpty();

        // auth-service computes no worker id: the registry announces the registry number, and the session's next
        // token carries it (this test plays the registry, which is not running here).
        String workerId = queries.account(accountId).map(a -> a.workerId()).orElse(null);
        if (workerId == null) {
            assertThat(claims.getClaim("worker_id")).as("not announced yet").isNull();
            workerId = RegistryEvents.linkToNewRecord(queries, accountId);
        }
        HttpResponse<String> linked = browser.refresh();
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        assertThat(SignedJWT.parse(Browser.json(linked).get("access_token").asText()).getJWTClaimsSet()
                .getStringClaim("worker_id")).isEqualTo(workerId);

        assertThat(output.getAll()).doesNotContain(ivanova.snils).doesNotContain(ivanova.snilsFormatted)
                .doesNotContain(ivanova.inn).doesNotContain("612345")
                .doesNotContain(esiaCode).doesNotContain(body.get("access_token").asText())
                .doesNotContain(firstRefresh).doesNotContain(rotatedRefresh)
                .doesNotContain(firstRefresh.substring(firstRefresh.indexOf('.') + 1));
    }

    @Test
    void supportStaffAreGrantedSupportAndALoginFromAnotherBrowserIsFromANewDevice() throws Exception {
        TestPeople sergeeva = TestPeople.SERGEEVA_SUPPORT;
        String accountId = Accounts.idFor("esia", sergeeva.oid);
        LoggedIn atWork = login(browser(CHROME_ON_LINUX), sergeeva);
        assertThat(atWork.code()).as("SUPPORT needs the second factor").isNotNull();
        assertThat(SignedJWT.parse(atWork.accessToken()).getJWTClaimsSet().getStringListClaim("roles"))
                .containsExactly("SUPPORT");
        LoginSucceeded first = loginSucceeded(accountId, atWork.accessToken());
        assertThat(first.device()).isEqualTo("Chrome, Linux");
        assertThat(first.newDevice()).as("an account's first login").isFalse();

        LoggedIn sameBrowser = login(browser(CHROME_ON_LINUX.replace("131.0.0.0", "132.0.0.0")), sergeeva);
        assertThat(loginSucceeded(accountId, sameBrowser.accessToken()).newDevice()).isFalse();

        LoggedIn atHome = login(browser("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 "
                + "Firefox/133.0"), sergeeva);
        LoginSucceeded fromHome = loginSucceeded(accountId, atHome.accessToken());
        assertThat(fromHome.device()).isEqualTo("Firefox, Windows");
        assertThat(fromHome.newDevice()).isTrue();
    }

    @Test
    void theJwksIsServedOnBothPaths() {
        Browser browser = browser("curl");
        HttpResponse<String> direct = browser.get(browser.authBase() + "/.well-known/jwks.json");
        HttpResponse<String> viaGateway = browser.get(browser.authBase() + "/api/auth/.well-known/jwks.json");
        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(viaGateway.body()).isEqualTo(direct.body());
        assertThat(direct.body()).contains("\"kty\":\"EC\"").contains("\"crv\":\"P-256\"").doesNotContain("\"d\"");
    }

    @Test
    void aWrongStateIsRejected() {
        Browser browser = browser("Firefox");
        URI callback = browser.signInAtEmulator(browser.startLogin(), TestPeople.IVANOVA.login);
        Map<String, String> query = Browser.query(callback);
        String forged = callback.toString().replace("state=" + query.get("state"), "state=" + UUID.randomUUID());
        assertProblem(browser.get(forged), 400, "invalid-state");
    }

    @Test
    void aStateStartedInAnotherBrowserIsRejected() {
        Browser victim = browser("Firefox");
        URI callback = victim.signInAtEmulator(victim.startLogin(), TestPeople.IVANOVA.login);
        Browser attacker = browser("Chrome");
        attacker.startLogin();
        assertProblem(attacker.get(callback.toString()), 403, "state-mismatch");
        assertProblem(victim.get(callback.toString()), 400, "invalid-state");
    }

    @Test
    void aReplayedCodeIsRejectedByEsiaAsAnInvalidGrant() {
        Browser browser = browser("Firefox");
        URI callback = browser.signInAtEmulator(browser.startLogin(), TestPeople.PETROV.login);
        assertThat(browser.get(callback.toString()).statusCode()).isEqualTo(302);
        assertProblem(browser.get(callback.toString()), 400, "invalid-state");

        URI fresh = browser.startLogin();
        String replay = callback.toString().replace("state=" + Browser.query(callback).get("state"),
                "state=" + Browser.query(fresh).get("state"));
        HttpResponse<String> replayed = browser.get(replay);
        assertProblem(replayed, 400, "invalid-grant");
        assertThat(Browser.json(replayed).get("providerCode").asText()).isEqualTo("ESIA-007011");
    }

    @Test
    void aTamperedClientSecretIsRefusedByEsia() {
        Browser browser = browser("Firefox");
        URI authorization = browser.startLogin();
        String secret = Browser.query(authorization).get("client_secret");
        String tampered = (secret.charAt(0) == 'A' ? "B" : "A") + secret.substring(1);
        URI forged = URI.create(authorization.toString().replace("client_secret=" + secret,
                "client_secret=" + tampered));
        URI back = Browser.redirect(browser.get(forged.toString()));
        assertThat(Browser.query(back).get("error_description")).startsWith("ESIA-007053");
        HttpResponse<String> answer = browser.get(browser.toAuthService(back).toString());
        assertProblem(answer, 502, "identity-provider-rejected-client");
        assertThat(Browser.json(answer).get("providerCode").asText()).isEqualTo("ESIA-007053");
    }

    @Test
    void aRefreshTokenUsedTwiceRevokesTheWholeSession() {
        Browser browser = browser("Firefox");
        LoggedIn session = login(browser, TestPeople.IVANOVA);
        String spent = browser.cookie("frmr_refresh").orElseThrow();
        assertThat(browser.refresh().statusCode()).isEqualTo(200);
        String current = browser.cookie("frmr_refresh").orElseThrow();

        browser.setCookie("frmr_refresh", spent);
        assertProblem(browser.refresh(), 401, "unauthorized");
        browser.setCookie("frmr_refresh", current);
        assertProblem(browser.refresh(), 401, "unauthorized");
        assertProblem(browser.get("/api/auth/sessions", session.accessToken()), 401, "unauthorized");

        String sid = sid(session.accessToken());
        CloudEvent ended = events.await(Accounts.idFor("esia", TestPeople.IVANOVA.oid), EventTypes.SESSION_ENDED,
                e -> new String(e.getData().toBytes(), StandardCharsets.UTF_8).contains(sid));
        assertThat(new String(ended.getData().toBytes(), StandardCharsets.UTF_8)).contains("REFRESH_TOKEN_REUSE");
        assertThat(ContractSchemas.violations(ended.getType(), ended.getData().toBytes())).isEmpty();
    }

    @Test
    void twoLoginsAreTwoSessionsAndEndingOneStopsItsRefreshTokenAtOnce() {
        Browser laptop = browser("Firefox/128 (laptop)");
        Browser phone = browser("Mobile Safari/17 (phone)");
        LoggedIn onLaptop = login(laptop, TestPeople.PETROV);
        LoggedIn onPhone = login(phone, TestPeople.PETROV);
        String laptopSid = sid(onLaptop.accessToken());
        String phoneSid = sid(onPhone.accessToken());

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            HttpResponse<String> list = laptop.get("/api/auth/sessions", onLaptop.accessToken());
            assertThat(list.statusCode()).isEqualTo(200);
            List<String> ids = new ArrayList<>();
            Browser.json(list).forEach(s -> ids.add(s.get("id").asText()));
            assertThat(ids).contains(laptopSid, phoneSid);
            Browser.json(list).forEach(s -> {
                if (s.get("id").asText().equals(laptopSid)) {
                    assertThat(s.get("current").asBoolean()).isTrue();
                    assertThat(s.get("device").asText()).isEqualTo("Firefox/128 (laptop)");
                    assertThat(s.get("ip").asText()).isEqualTo("127.0.0.1");
                    assertThat(s.hasNonNull("startedAt")).isTrue();
                    assertThat(s.hasNonNull("lastSeenAt")).isTrue();
                }
                if (s.get("id").asText().equals(phoneSid)) {
                    assertThat(s.get("current").asBoolean()).isFalse();
                    assertThat(s.get("device").asText()).isEqualTo("Mobile Safari/17 (phone)");
                }
            });
        });

        assertThat(laptop.delete("/api/auth/sessions/" + phoneSid, onLaptop.accessToken()).statusCode())
                .isEqualTo(204);
        assertProblem(phone.refresh(), 401, "unauthorized");
        assertProblem(phone.get("/api/auth/sessions", onPhone.accessToken()), 401, "unauthorized");
        assertThat(laptop.refresh().statusCode()).isEqualTo(200);
    }

    @Test
    void endAllOthersThenLogoutWithEsiaLogout() {
        Browser main = browser("Firefox (main)");
        Browser other = browser("Chrome (other)");
        LoggedIn kept = login(main, TestPeople.PETROV);
        login(other, TestPeople.PETROV);
        HttpResponse<String> noFlag = main.delete("/api/auth/sessions", kept.accessToken());
        assertProblem(noFlag, 400, "validation");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            HttpResponse<String> ended = main.delete("/api/auth/sessions?others=true", kept.accessToken());
            assertThat(ended.statusCode()).isEqualTo(200);
            assertProblem(other.refresh(), 401, "unauthorized");
        });
        assertThat(main.refresh().statusCode()).isEqualTo(200);
        String access = Browser.json(main.refresh()).get("access_token").asText();

        HttpResponse<String> logout = main.post("/api/auth/logout", access);
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
        URI esiaLogout = URI.create(Browser.json(logout).get("logoutUrl").asText());
        assertThat(esiaLogout.toString()).startsWith(EsiaEmulator.baseUrl() + "/idp/ext/Logout?");
        assertThat(Browser.query(esiaLogout)).containsEntry("client_id", "FRMR_LK")
                .containsEntry("redirect_url", "http://localhost:8080/");
        assertThat(main.get(esiaLogout.toString()).statusCode()).isEqualTo(302);
        assertProblem(main.refresh(), 401, "unauthorized");
        assertProblem(main.get("/api/auth/sessions", access), 401, "unauthorized");
    }

    @Test
    void anEmployerHrNeedsTheMailedCodeAndActsForItsOrganisation(CapturedOutput output) throws Exception {
        TestPeople hr = TestPeople.SIDOROVA_HR;
        EmployerEvents.fixtureOrganisationsKnown(employers);
        Browser browser = browser("Firefox (HR office)");
        URI callback = browser.signInAtEmulator(browser.startLogin(), hr.login);
        int before = Mailbox.count(hr.email());
        URI next = Browser.redirect(browser.get(callback.toString()));
        assertThat(next.getPath()).isEqualTo("/api/auth/second-factor");
        assertThat(browser.cookie("frmr_refresh")).isEmpty();
        String code = Mailbox.awaitCode(hr.email(), before);

        JsonNode status = Browser.json(browser.get(browser.authBase() + "/api/auth/second-factor"));
        assertThat(status.get("sentTo").asText()).isEqualTo("s***@frmr.test");
        String wrong = code.equals("000000") ? "000001" : "000000";
        HttpResponse<String> wrongAnswer = browser.postJson("/api/auth/second-factor", "{\"code\":\"" + wrong + "\"}",
                null);
        assertProblem(wrongAnswer, 400, "wrong-code");
        assertThat(Browser.json(wrongAnswer).get("remainingAttempts").asInt()).isEqualTo(4);
        assertProblem(browser.postJson("/api/auth/second-factor", "{\"code\":\"12ab\"}", null), 400, "validation");

        HttpResponse<String> verified = browser.postJson("/api/auth/second-factor", "{\"code\":\"" + code + "\"}",
                null);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(browser.cookie("frmr_refresh")).isPresent();
        JWTClaimsSet claims = SignedJWT.parse(Browser.json(verified).get("access_token").asText()).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).as("the chief keeps her worker side")
                .containsExactly("WORKER", "EMPLOYER_HR");
        assertThat(claims.getStringClaim("org_id")).as("the employer-service's organisation id")
                .isEqualTo(EmployerEvents.POLYCLINIC);
        assertThat(claims.getStringClaim("org_basis")).isEqualTo("CHIEF");
        assertThat(claims.getClaim("worker_id")).as("no registry here to announce it").isNull();

        assertProblem(browser.postJson("/api/auth/second-factor", "{\"code\":\"" + code + "\"}", null), 401,
                "unauthorized");
        assertThat(output.getAll()).doesNotContain(code).doesNotContain(hr.snils).doesNotContain(hr.snilsFormatted);
    }

    @Test
    void stepUpMailsACodeAndItsConfirmationYieldsATokenCarryingStepUp() throws Exception {
        Browser browser = browser("Firefox (admin)");
        LoggedIn admin = login(browser, TestPeople.KUZNETSOV_ADMIN);
        assertThat(SignedJWT.parse(admin.accessToken()).getJWTClaimsSet().getStringListClaim("roles"))
                .containsExactly("REGISTRY_ADMIN");

        int before = Mailbox.count(TestPeople.KUZNETSOV_ADMIN.email());
        HttpResponse<String> sent = browser.post("/api/auth/step-up", admin.accessToken());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        String code = Mailbox.awaitCode(TestPeople.KUZNETSOV_ADMIN.email(), before);

        Browser otherDevice = new Browser(port, "Chrome (elsewhere)");
        assertProblem(otherDevice.postJson("/api/auth/step-up/verify", "{\"code\":\"" + code + "\"}",
                admin.accessToken()), 400, "code-expired");
        HttpResponse<String> verified = browser.postJson("/api/auth/step-up/verify", "{\"code\":\"" + code + "\"}",
                admin.accessToken());
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(Browser.json(verified).get("step_up").asBoolean()).isTrue();
        JWTClaimsSet claims = SignedJWT.parse(Browser.json(verified).get("access_token").asText()).getJWTClaimsSet();
        assertThat(claims.getLongClaim("step_up")).isNotNull();
        assertThat(claims.getStringClaim("sid")).isEqualTo(sid(admin.accessToken()));
        assertThat(SignedJWT.parse(Browser.json(browser.refresh()).get("access_token").asText()).getJWTClaimsSet()
                .getClaim("step_up")).as("a refreshed token is an ordinary one again").isNull();
    }

    @Test
    void anAdministratorBlocksAndUnblocksAnAccount() {
        Browser adminBrowser = browser("Firefox (admin desk)");
        LoggedIn admin = login(adminBrowser, TestPeople.KUZNETSOV_ADMIN);
        Browser auditorBrowser = browser("Firefox (auditor)");
        LoggedIn auditor = login(auditorBrowser, TestPeople.SMIRNOV_AUDITOR);
        String auditorAccount = Accounts.idFor("esia", TestPeople.SMIRNOV_AUDITOR.oid);

        assertProblem(auditorBrowser.post("/api/auth/accounts/" + auditorAccount + "/block",
                auditor.accessToken()), 403, "forbidden");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            HttpResponse<String> found = adminBrowser.get("/api/auth/accounts?esiaOid="
                    + TestPeople.SMIRNOV_AUDITOR.oid, admin.accessToken());
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(Browser.json(found).get("id").asText()).isEqualTo(auditorAccount);
            assertThat(Browser.json(found).get("status").asText()).isEqualTo("ACTIVE");
            assertThat(found.body()).doesNotContain(TestPeople.SMIRNOV_AUDITOR.snils);
        });
        assertThat(adminBrowser.post("/api/auth/accounts/" + auditorAccount + "/block", admin.accessToken())
                .statusCode()).isEqualTo(204);
        assertProblem(auditorBrowser.refresh(), 401, "unauthorized");

        Browser again = browser("Firefox (auditor, again)");
        URI callback = again.signInAtEmulator(again.startLogin(), TestPeople.SMIRNOV_AUDITOR.login);
        assertProblem(again.get(callback.toString()), 403, "account-blocked");
        CloudEvent blocked = events.await(auditorAccount, EventTypes.ACCOUNT_STATUS_CHANGED);
        assertThat(ContractSchemas.violations(blocked.getType(), blocked.getData().toBytes())).isEmpty();

        assertThat(adminBrowser.post("/api/auth/accounts/" + auditorAccount + "/unblock", admin.accessToken())
                .statusCode()).isEqualTo(204);
        assertThat(login(browser("Firefox (auditor, unblocked)"), TestPeople.SMIRNOV_AUDITOR).accessToken())
                .isNotBlank();
        assertProblem(adminBrowser.post("/api/auth/accounts/not-an-id/block", admin.accessToken()), 400,
                "validation");
        assertProblem(adminBrowser.post("/api/auth/accounts/" + UUID.randomUUID() + "/block", admin.accessToken()),
                404, "not-found");
    }

    @Test
    void anAdministratorFindsTheAccountOfARegistryRecord() {
        Browser workerBrowser = browser("Firefox (worker)");
        LoggedIn worker = login(workerBrowser, TestPeople.IVANOVA);
        String accountId = Accounts.idFor("esia", TestPeople.IVANOVA.oid);
        String workerId = queries.account(accountId).map(a -> a.workerId()).orElse(null);
        if (workerId == null) {
            workerId = RegistryEvents.linkToNewRecord(queries, accountId);
        }
        Browser adminBrowser = browser("Firefox (admin desk)");
        LoggedIn admin = login(adminBrowser, TestPeople.KUZNETSOV_ADMIN);

        HttpResponse<String> found = adminBrowser.get("/api/auth/accounts?workerId=" + workerId,
                admin.accessToken());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(Browser.json(found)).hasSize(1);
        assertThat(Browser.json(found).get(0).get("id").asText()).isEqualTo(accountId);
        assertThat(Browser.json(found).get(0).get("workerId").asText()).isEqualTo(workerId);
        assertThat(found.body()).doesNotContain(TestPeople.IVANOVA.snils);

        HttpResponse<String> none = adminBrowser.get("/api/auth/accounts?workerId=" + UUID.randomUUID(),
                admin.accessToken());
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(Browser.json(none)).isEmpty();
        assertProblem(adminBrowser.get("/api/auth/accounts?workerId=not-an-id", admin.accessToken()), 400,
                "validation");
        assertProblem(workerBrowser.get("/api/auth/accounts?workerId=" + workerId, worker.accessToken()), 403,
                "forbidden");
    }

    @Test
    void endpointsNeedAValidTokenAndSayWhatIsWrong() {
        Browser browser = browser("curl");
        HttpResponse<String> none = browser.get(browser.authBase() + "/api/auth/sessions");
        assertProblem(none, 401, "unauthorized");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertProblem(browser.get("/api/auth/sessions", "not.a.jwt"), 401, "unauthorized");
        assertProblem(browser.refresh(), 401, "unauthorized");
        assertProblem(browser.get(browser.authBase() + "/api/auth/nowhere/login"), 404, "not-found");
        assertProblem(browser.get(browser.authBase() + "/api/auth/esia/callback?code=x"), 400, "invalid-state");
        assertProblem(browser.postJson("/api/auth/second-factor", "{\"code\":\"123456\"}", null), 401,
                "unauthorized");
    }

    @Test
    void allAuthEventsConformToTheirSchemas() {
        login(browser("Firefox"), TestPeople.IVANOVA);
        events.await(Accounts.idFor("esia", TestPeople.IVANOVA.oid), EventTypes.LOGIN_SUCCEEDED);
        assertThat(events.seen()).isNotEmpty().allSatisfy(e ->
                assertThat(ContractSchemas.violations(e.getType(), e.getData().toBytes())).as(e.getType()).isEmpty());
    }

    /** Login flow time through the emulator: measured, printed, not asserted. */
    @Test
    void measuresTheLoginFlow() {
        int runs = Integer.getInteger("frmr.login-benchmark.runs", 30);
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Browser browser = browser("benchmark");
            long start = System.nanoTime();
            login(browser, TestPeople.PETROV);
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        millis.sort(Long::compare);
        long median = millis.get(millis.size() / 2);
        long p95 = millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.95) - 1));
        System.out.printf("LOGIN FLOW through the ESIA emulator: %d logins, median %d ms, p95 %d ms, min %d ms, "
                + "max %d ms%n", runs, median, p95, millis.get(0), millis.get(millis.size() - 1));
        assertThat(millis).hasSize(runs);
    }

    /** The {@code LoginSucceeded} of the session this token belongs to, as published and checked by its schema. */
    private LoginSucceeded loginSucceeded(String accountId, String accessToken) {
        String sid = sid(accessToken);
        CloudEvent event = events.await(accountId, EventTypes.LOGIN_SUCCEEDED,
                e -> new String(e.getData().toBytes(), StandardCharsets.UTF_8).contains(sid));
        assertThat(ContractSchemas.violations(event.getType(), event.getData().toBytes())).isEmpty();
        return ContractJson.fromBytes(event.getData().toBytes(), LoginSucceeded.class);
    }

    private static String sid(String accessToken) {
        try {
            return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim("sid");
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }
}
