package ru.frmr.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The pages every signed-in person has: their active sessions (end one, end all others, log out with the ESIA
 * logout after it), the cabinet's home for each role from a realistic record, and the error pages in the portal's
 * design for people signed in and not.
 */
class SessionPagesIT extends PortalTestSupport {

    private static final String THIS = "0b6f3c2a-1d4e-4f5a-8b7c-9d0e1f2a3b4c";
    private static final String OTHER = "7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b";
    private static final String CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/156.0.0.0 Safari/537.36";
    private static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1";
    private static final String ESIA_LOGOUT = "http://esia.test/idp/ext/Logout?client_id=FRMR01"
            + "&redirect_url=http://localhost:8080/";

    // --- active sessions -----------------------------------------------------------------------------------------

    @Test
    void theSessionsPageShowsEachDeviceItsAddressTimesAndThisSession() throws Exception {
        signInAs("WORKER");
        stubSessions();

        HttpResponse<String> page = open("/sessions");

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("Активные сеансы", "Chrome 156, Linux", "Safari 17, iOS 17",
                "192.0.2.10", "198.51.100.7", "Госуслуги (ЕСИА)", "Квалифицированная электронная подпись",
                "06.12.2026 11:00 МСК", "06.12.2026 11:42 МСК", "05.12.2026 21:15 МСК",
                "title=\"" + CHROME_LINUX + "\"");
        // This device first, marked, with «Выйти» instead of «Завершить»; the other one can be ended.
        assertThat(body.indexOf("data-session-id=\"" + THIS + "\"")).isLessThan(body.indexOf(OTHER));
        assertThat(count(body, "data-test=\"this-session\"")).isEqualTo(1);
        assertThat(section(body, THIS)).contains("Этот сеанс", "data-test=\"logout\"", "data-current=\"true\"")
                .doesNotContain("data-test=\"end-session\"");
        assertThat(section(body, OTHER)).contains("data-test=\"end-session\"", "/sessions/" + OTHER + "/end",
                "data-current=\"false\"").doesNotContain("Этот сеанс");
        assertThat(body).contains("data-test=\"end-others\"", "Завершить все остальные");
        // As the person, from their browser: auth-service sees their device, not the portal.
        GATEWAY.verify(getRequestedFor(urlEqualTo("/api/auth/sessions"))
                .withHeader("Authorization", matching("Bearer .+"))
                .withHeader("User-Agent", equalTo("PortalIT-browser")));
    }

    @Test
    void endingAnotherSessionDeletesItAndSaysSo() throws Exception {
        signInAs("WORKER");
        stubSessions();
        GATEWAY.stubFor(delete(urlEqualTo("/api/auth/sessions/" + OTHER)).willReturn(aResponse().withStatus(204)));
        String page = open("/sessions").body();

        HttpResponse<String> ended = submit("/sessions/" + OTHER + "/end", Map.of(), csrf(page));

        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location").orElseThrow()).endsWith("/sessions");
        GATEWAY.verify(1, deleteRequestedFor(urlEqualTo("/api/auth/sessions/" + OTHER))
                .withHeader("Authorization", matching("Bearer .+")));
        HttpResponse<String> after = open("/sessions");
        assertThat(after.body()).contains("data-test=\"flash\"", "Сеанс завершён.");
        // The line is said once: the next visit does not repeat it.
        assertThat(open("/sessions").body()).doesNotContain("Сеанс завершён.");
    }

    @Test
    void aSessionEndedMeanwhileIsNoErrorAndAForgedIdIsNotSent() throws Exception {
        signInAs("WORKER");
        stubSessions();
        GATEWAY.stubFor(delete(urlEqualTo("/api/auth/sessions/" + OTHER)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/not-found\",\"status\":404}")));
        String page = open("/sessions").body();

        HttpResponse<String> gone = submit("/sessions/" + OTHER + "/end", Map.of(), csrf(page));
        assertThat(gone.statusCode()).isEqualTo(302);
        assertThat(open("/sessions").body()).contains("Этот сеанс уже завершён.");

        HttpResponse<String> notAnId = submit("/sessions/not-a-session/end", Map.of(), csrf(page));
        assertThat(notAnId.statusCode()).isEqualTo(404);
        assertThat(notAnId.body()).contains("Страница не найдена");
        GATEWAY.verify(0, deleteRequestedFor(urlPathEqualTo("/api/auth/sessions")));
        GATEWAY.verify(1, deleteRequestedFor(urlPathEqualTo("/api/auth/sessions/" + OTHER)));
    }

    @Test
    void endingAllOtherSessionsAsksForOthersOnly() throws Exception {
        signInAs("WORKER");
        stubSessions();
        GATEWAY.stubFor(delete(urlEqualTo("/api/auth/sessions?others=true")).willReturn(okJson("{\"ended\":2}")));
        String page = open("/sessions").body();

        HttpResponse<String> ended = submit("/sessions/end-others", Map.of(), csrf(page));

        assertThat(ended.statusCode()).isEqualTo(302);
        GATEWAY.verify(1, deleteRequestedFor(urlEqualTo("/api/auth/sessions?others=true"))
                .withHeader("Authorization", matching("Bearer .+")));
        assertThat(open("/sessions").body()).contains("Завершены все другие сеансы (2).");
    }

    @Test
    void logoutEndsThePlatformSessionAndThisOneThenLeadsOnToTheEsiaLogout() throws Exception {
        signInAs("WORKER");
        stubSessions();
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/logout"))
                .willReturn(okJson("{\"logoutUrl\":\"" + ESIA_LOGOUT + "\"}")));
        String page = open("/sessions").body();
        long logins = mongo.getCollection("portal_logins").countDocuments();

        HttpResponse<String> out = submit("/logout", Map.of(), csrf(page));

        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/logout/done");
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/auth/logout"))
                .withHeader("Authorization", matching("Bearer .+")));
        // The person's tokens are gone from the portal's store.
        assertThat(mongo.getCollection("portal_logins").countDocuments()).isEqualTo(logins - 1);

        HttpResponse<String> done = open("/logout/done");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Вы вышли из личного кабинета",
                "<meta http-equiv=\"refresh\" content=\"0;url=" + ESIA_LOGOUT.replace("&", "&amp;") + "\">",
                "href=\"" + ESIA_LOGOUT.replace("&", "&amp;") + "\"")
                .doesNotContain("data-test=\"account-name\"");

        HttpResponse<String> cabinet = open("/cabinet");
        assertThat(cabinet.statusCode()).isEqualTo(302);
        assertThat(cabinet.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void logoutOfAnAlreadyEndedPlatformSessionStillEndsThisOne() throws Exception {
        signInAs("WORKER");
        stubSessions();
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/logout")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/unauthorized\",\"status\":401}")));
        String page = open("/sessions").body();

        HttpResponse<String> out = submit("/logout", Map.of(), csrf(page));

        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/logout/done");
        assertThat(open("/logout/done").body()).contains("Вы вышли").doesNotContain("http-equiv=\"refresh\"");
        assertThat(open("/sessions").headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    // --- the cabinet's home --------------------------------------------------------------------------------------

    @Test
    void theCabinetShowsTheAccountStatusPendingChangesExpiringLicencesAndDecisions() throws Exception {
        signInAs("WORKER");
        GATEWAY.stubFor(get(urlEqualTo("/api/registry/workers/" + WORKER_ID))
                .willReturn(okJson(record("ACTIVE", 2))));

        HttpResponse<String> cabinet = open("/cabinet");

        assertThat(cabinet.statusCode()).isEqualTo(200);
        String body = cabinet.body();
        assertThat(body).contains("Иванова Мария Петровна", "data-status=\"ACTIVE\"", "Активна",
                "На модерации: 2 изменения", "href=\"/journal\"");
        // Per specialty the licence that ends last: the renewed accreditation, not the certificate before it.
        assertThat(body).contains("Аккредитация истекает через 30 дней (05.01.2027), специальность «Терапия»",
                "Сертификат специалиста истекает через 10 дней (16.12.2026), специальность «31.08.36»")
                .doesNotContain("01.03.2020", "через 5 дней");
        assertThat(body.indexOf("через 10 дней")).isLessThan(body.indexOf("через 30 дней"));
        assertThat(count(body, "data-test=\"expiring\"")).isEqualTo(2);
        // The latest decisions, newest first: the rejection with its reason, then the approval.
        assertThat(body).contains("Последние решения модератора", "Отклонено",
                "Квалификационная категория: добавление (Терапия)", "Причина: Скан нечитаем", "Одобрено");
        assertThat(body.indexOf("Отклонено")).isLessThan(body.indexOf("Одобрено"));
    }

    @Test
    void aBlockedAccountSaysSoAndCountsFiveChangesInRussian() throws Exception {
        signInAs("WORKER");
        GATEWAY.stubFor(get(urlEqualTo("/api/registry/workers/" + WORKER_ID))
                .willReturn(okJson(record("BLOCKED", 5))));

        String body = open("/cabinet").body();

        assertThat(body).contains("data-status=\"BLOCKED\"", "Заблокирована", "Обратитесь к администратору",
                "На модерации: 5 изменений").doesNotContain(">Активна<");
    }

    @Test
    void aWorkerWhoseTokenLacksTheRegistryNumberGetsItWithOneRefresh() throws Exception {
        signInWithoutWorkerId("refresh-first");
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/token"))
                .withRequestBody(equalToJson("{\"refresh_token\":\"refresh-first\"}"))
                .willReturn(okJson("{\"access_token\":\"" + token("WORKER") + "\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":300,\"refresh_token\":\"refresh-second\"}")));
        GATEWAY.stubFor(get(urlEqualTo("/api/registry/workers/" + WORKER_ID))
                .willReturn(okJson(record("ACTIVE", 0))));

        HttpResponse<String> cabinet = open("/cabinet");

        assertThat(cabinet.statusCode()).isEqualTo(200);
        assertThat(cabinet.body()).contains("Иванова Мария Петровна", "Активна", WORKER_ID)
                .doesNotContain("Ваша запись в регистре создаётся");
        // The registry was asked with the refreshed token, the one that carries the number.
        GATEWAY.verify(getRequestedFor(urlEqualTo("/api/registry/workers/" + WORKER_ID))
                .withHeader("Authorization", equalTo("Bearer " + token("WORKER"))));
        // The session keeps the number: the next page needs no refresh, and the rotated token is the one kept.
        assertThat(open("/cabinet").body()).contains("Иванова Мария Петровна");
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/auth/token")));
    }

    @Test
    void aWorkerWhoseRecordIsNotLinkedYetIsToldSo() throws Exception {
        signInWithoutWorkerId("refresh-early");
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/token"))
                .withRequestBody(equalToJson("{\"refresh_token\":\"refresh-early\"}"))
                .willReturn(okJson("{\"access_token\":\"" + tokenWithoutWorkerId() + "\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":300,\"refresh_token\":\"refresh-later\"}")));

        HttpResponse<String> cabinet = open("/cabinet");

        assertThat(cabinet.statusCode()).isEqualTo(200);
        assertThat(cabinet.body()).contains("Ваша запись в регистре создаётся");
        GATEWAY.verify(0, getRequestedFor(urlPathEqualTo("/api/registry/workers/" + WORKER_ID)));
        // The next visit tries once more, with the rotated refresh token.
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/token"))
                .withRequestBody(equalToJson("{\"refresh_token\":\"refresh-later\"}"))
                .willReturn(okJson("{\"access_token\":\"" + tokenWithoutWorkerId() + "\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":300,\"refresh_token\":\"refresh-latest\"}")));
        assertThat(open("/cabinet").statusCode()).isEqualTo(200);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/auth/token"))
                .withRequestBody(equalToJson("{\"refresh_token\":\"refresh-later\"}")));
    }

    @Test
    void everyRoleHasItsPanel() throws Exception {
        signInAs("EMPLOYER_HR");
        assertThat(open("/cabinet").body()).contains("data-test=\"hr-panel\"", "Сотрудники организации")
                .doesNotContain("data-test=\"admin-panel\"", "data-test=\"employment-panel\"");

        newBrowser();
        signInAs("REGISTRY_ADMIN", "SUPERVISOR", "AUDITOR");
        GATEWAY.stubFor(get(urlEqualTo("/api/registry/moderation/queue?page=0&size=1"))
                .willReturn(okJson("{\"items\":[],\"page\":0,\"size\":1,\"total\":3}")));
        GATEWAY.stubFor(get(urlEqualTo("/api/auth/admin/activation-requests?page=0&size=1"))
                .willReturn(okJson("{\"items\":[],\"page\":0,\"size\":1,\"total\":2}")));
        String admin = open("/cabinet").body();
        assertThat(admin).contains("Изменений на модерации: 3", "Запросов на активацию: 2",
                "data-test=\"supervisor-panel\"", "data-test=\"auditor-panel\"", "href=\"/audit\"",
                "href=\"/admin/organizations\"", "href=\"/supervision/discrepancies\"")
                .doesNotContain("data-test=\"hr-panel\"", "Ваша запись в регистре");

        // One queue that cannot be counted now leaves the home page usable.
        GATEWAY.stubFor(get(urlEqualTo("/api/auth/admin/activation-requests?page=0&size=1"))
                .willReturn(aResponse().withStatus(503)));
        HttpResponse<String> partly = open("/cabinet");
        assertThat(partly.statusCode()).isEqualTo(200);
        assertThat(partly.body()).contains("Изменений на модерации: 3", "Запросы на активацию учётных записей");
    }

    // --- error pages ---------------------------------------------------------------------------------------------

    @Test
    void errorPagesAreThePortalsForVisitorsAndSignedInPeople() throws Exception {
        HttpResponse<String> anonymous404 = open("/register/no-such-page");
        assertThat(anonymous404.statusCode()).isEqualTo(404);
        assertThat(anonymous404.body()).contains("Страница не найдена", "data-test=\"login-link\"")
                .doesNotContain("data-test=\"account-name\"");
        HttpResponse<String> anonymous405 = open("/login/code/resend");
        assertThat(anonymous405.statusCode()).isEqualTo(405);
        assertThat(anonymous405.headers().firstValue("Allow").orElseThrow()).contains("POST");
        assertThat(anonymous405.body()).contains("Действие недоступно", "data-status=\"405\"");

        signInAs("WORKER");
        HttpResponse<String> signedIn404 = open("/no-such-page");
        assertThat(signedIn404.statusCode()).isEqualTo(404);
        assertThat(signedIn404.body()).contains("Страница не найдена", "Иванова Мария Петровна", "name=\"_csrf\"",
                "href=\"/cabinet\"");
        HttpResponse<String> denied = open("/admin/moderation");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(denied.body()).contains("Нет доступа", "Иванова Мария Петровна", "data-status=\"403\"");
        HttpResponse<String> signedIn405 = open("/logout");
        assertThat(signedIn405.statusCode()).isEqualTo(405);
        assertThat(signedIn405.body()).contains("Действие недоступно", "Иванова Мария Петровна");

        GATEWAY.stubFor(get(urlEqualTo("/api/auth/sessions")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "30").withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/too-many-requests\",\"status\":429}")));
        HttpResponse<String> limited = open("/sessions");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("Слишком много запросов", "Повторите через 30 с.",
                "Иванова Мария Петровна");

        GATEWAY.stubFor(get(urlEqualTo("/api/auth/sessions")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/internal\",\"status\":500,"
                        + "\"detail\":\"stack trace here\"}")));
        HttpResponse<String> failed = open("/sessions");
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.body()).contains("Сервис временно недоступен", "Иванова Мария Петровна")
                .doesNotContain("stack trace here", "\"status\"");
        Matcher requestId = Pattern.compile("data-test=\"request-id\">([0-9a-f]{16,32})<").matcher(failed.body());
        assertThat(requestId.find()).as("the page names the request id").isTrue();
    }

    @Test
    void anHtmxRequestWhoseSessionEndedTakesTheWholePageToTheLogin() throws Exception {
        // No portal session at all: a fragment and a form alike.
        HttpResponse<String> fragment = send(HttpRequest.newBuilder(uri("/sessions")).header("HX-Request", "true")
                .GET());
        assertThat(fragment.headers().firstValue("HX-Redirect")).contains("/login");
        HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/sessions/end-others"))
                .header("HX-Request", "true").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=from-a-session-long-gone")));
        assertThat(form.headers().firstValue("HX-Redirect")).contains("/login");
        assertThat(form.body()).doesNotContain("Нет доступа");
        // Without htmx, a form sent after the session ended goes to the login too, not to "no access".
        newBrowser();
        HttpResponse<String> plain = submit("/sessions/end-others", Map.of(), "from-a-session-long-gone");
        assertThat(plain.statusCode()).isEqualTo(302);
        assertThat(plain.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        GATEWAY.verify(0, deleteRequestedFor(urlPathEqualTo("/api/auth/sessions")));
        // «Выйти» on a page left open past its session: out already, not in again.
        newBrowser();
        HttpResponse<String> staleLogout = submit("/logout", Map.of(), "from-a-session-long-gone");
        assertThat(staleLogout.headers().firstValue("Location").orElseThrow()).endsWith("/logout/done");

        // The portal session lives but auth-service ended the platform session.
        signInAs("WORKER");
        GATEWAY.stubFor(get(urlEqualTo("/api/auth/sessions")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/unauthorized\",\"status\":401}")));
        HttpResponse<String> ended = send(HttpRequest.newBuilder(uri("/sessions")).header("HX-Request", "true")
                .GET());
        assertThat(ended.headers().firstValue("HX-Redirect")).contains("/login");
        assertThat(open("/cabinet").headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private void stubSessions() {
        GATEWAY.stubFor(get(urlEqualTo("/api/auth/sessions")).willReturn(okJson("""
                [{"id":"%s","device":"%s","ip":"198.51.100.7","method":"QUALIFIED_SIGNATURE",
                  "startedAt":"2026-12-05T18:15:00Z","lastSeenAt":"2026-12-05T18:15:00Z","current":false},
                 {"id":"%s","device":"%s","ip":"192.0.2.10","method":"ESIA",
                  "startedAt":"2026-12-06T08:00:00Z","lastSeenAt":"2026-12-06T08:42:13.517Z","current":true}]"""
                .formatted(OTHER, SAFARI_IPHONE, THIS, CHROME_LINUX))));
    }

    /**
     * A record as registry-service answers it (docs/cabinet-api.md) on 06.12.2026: the
     * accreditation on Терапия renewed (the old certificate long ended), a certificate on another specialty about
     * to end, a pending accreditation change (not yet a licence), a rejected category.
     */
    private static String record(String accountStatus, int pending) {
        return """
                {"id":"%1$s","lastName":"Иванова","firstName":"Мария","middleName":"Петровна","birthDate":"1985-04-12",
                 "snils":"112-233-445 95","email":"ivanova@frmr.test","mobile":"+79990000001",
                 "registeredAt":"2026-12-01T08:00:00Z","updatedAt":"2026-12-06T08:05:00Z","version":7,
                 "entries":{},"pendingChanges":%2$d,"accountStatus":"%3$s","employments":{},
                 "personalDataErased":false,
                 "sections":{"EDUCATION":[],"POSTGRADUATE_EDUCATION":[],"ADDITIONAL_EDUCATION":[],
                  "CERTIFICATES":[
                   {"entryId":"c1","status":"APPROVED","entry":{"section":"CERTIFICATES","series":"0177",
                    "number":"1234567","examDate":"2015-03-01","endDate":"2020-03-01","specialtyCode":"31.08.49"},
                    "endDate":"2020-03-01","expiresInDays":%4$d,"changeId":null,"changeKind":null,
                    "submittedAt":null,"decidedAt":null,"reason":null},
                   {"entryId":"c2","status":"APPROVED","entry":{"section":"CERTIFICATES","series":"0177",
                    "number":"7654321","examDate":"2021-12-16","endDate":"%5$s","specialtyCode":"31.08.36"},
                    "endDate":"%5$s","expiresInDays":10,"changeId":"ch-0","changeKind":null,
                    "submittedAt":null,"decidedAt":"2026-11-01T09:00:00Z","reason":null}],
                  "ACCREDITATION":[
                   {"entryId":"a1","status":"APPROVED","entry":{"section":"ACCREDITATION","kind":"PERIODIC",
                    "protocolNumber":"П-17/2022","protocolDate":"2022-01-05","specialtyCode":"31.08.49",
                    "endDate":"%6$s"},"endDate":"%6$s","expiresInDays":30,"changeId":"ch-1","changeKind":null,
                    "submittedAt":null,"decidedAt":"2026-12-02T10:00:00Z","reason":null},
                   {"entryId":"a2","status":"PENDING","entry":{"section":"ACCREDITATION","kind":"PERIODIC",
                    "protocolNumber":"П-18/2022","protocolDate":"2021-12-11","specialtyCode":"31.08.42",
                    "endDate":"%7$s"},"endDate":"%7$s","expiresInDays":5,"changeId":"ch-2",
                    "changeKind":"ADD","submittedAt":"2026-12-06T08:04:00Z","decidedAt":null,"reason":null}],
                  "QUALIFICATION_CATEGORIES":[
                   {"entryId":"q1","status":"REJECTED","entry":{"section":"QUALIFICATION_CATEGORIES",
                    "category":"FIRST","specialtyCode":"31.08.49","startDate":"2025-03-01","endDate":"2030-03-01"},
                    "endDate":"2030-03-01","expiresInDays":1181,"changeId":"ch-3","changeKind":"ADD",
                    "submittedAt":"2026-12-03T08:00:00Z","decidedAt":"2026-12-04T12:00:00Z",
                    "reason":"Скан нечитаем"}]}}"""
                .formatted(WORKER_ID, pending, accountStatus, -2471, "2026-12-16", "2027-01-05", "2026-12-11");
    }

    /** A login whose token has no worker_id yet: the registry has not linked the record. */
    private void signInWithoutWorkerId(String refresh) throws Exception {
        startLogin();
        String code = "handoff-" + java.util.UUID.randomUUID();
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/handoff"))
                .withRequestBody(matchingJsonPath("$.code", equalTo(code)))
                .willReturn(okJson("{\"status\":\"SESSION_OPENED\",\"access_token\":\"" + tokenWithoutWorkerId()
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"refresh_token\":\"" + refresh
                        + "\",\"session_id\":\"s-1\",\"person\":{\"lastName\":\"Иванова\",\"firstName\":\"Мария\","
                        + "\"middleName\":\"Петровна\"}}")));
        assertThat(open("/login/complete?code=" + code).statusCode()).isEqualTo(302);
    }

    private static String tokenWithoutWorkerId() {
        return b64("{\"alg\":\"ES256\",\"kid\":\"k1\"}") + "."
                + b64("{\"sub\":\"a-1\",\"sid\":\"s-1\",\"roles\":[\"WORKER\"],\"exp\":4102444800}")
                + ".c2lnbmF0dXJl";
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return browser.send(request.header("User-Agent", "PortalIT-browser").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The markup of one session's card. */
    private static String section(String body, String sessionId) {
        int start = body.indexOf("data-session-id=\"" + sessionId + "\"");
        assertThat(start).as("the page lists session " + sessionId).isPositive();
        int end = body.indexOf("</li>", start);
        return body.substring(body.lastIndexOf("<li", start), end);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
