package ru.frmr.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pages of the registry administrator (moderation, activation, blocking), the supervisor (worker lookup and
 * record) and the auditor (the ledger and its chain), against the platform's real answer shapes.
 */
class AdminPagesIT extends PortalTestSupport {

    static final String CHANGE_ID = "0b7e4c2a-1d3f-4e5a-8b9c-0d1e2f3a4b5c";
    static final String ADD_CHANGE_ID = "1c8f5d3b-2e4a-4f6b-9cad-1e2f3a4b5c6d";
    static final String ENTRY_ID = "2d9a6e4c-3f5b-4a7c-8dbe-2f3a4b5c6d7e";
    static final String ACCOUNT_ID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    static final String APPROVE = "/api/registry/workers/" + WORKER_ID + "/changes/" + CHANGE_ID + "/approve";
    static final String REJECT = "/api/registry/workers/" + WORKER_ID + "/changes/" + CHANGE_ID + "/reject";

    @BeforeEach
    void dictionaries() {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/dictionaries/accreditation-kinds")).willReturn(okJson("""
                {"name":"accreditation-kinds","version":1,"items":[
                 {"code":"PRIMARY","name":"Первичная аккредитация"},
                 {"code":"PERIODIC","name":"Периодическая аккредитация"}]}""")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/dictionaries/qualification-categories")).willReturn(okJson(
                """
                {"name":"qualification-categories","version":1,"items":[{"code":"HIGHEST","name":"Высшая"}]}""")));
    }

    /** A queue of two changes as registry-service answers it: a correction (with the current entry) and an addition. */
    private static void stubQueue() {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/moderation/queue")).willReturn(okJson("""
                {"items":[
                 {"changeId":"%1$s","workerId":"%2$s","kind":"CORRECT","section":"ACCREDITATION","entryId":"%3$s",
                  "entry":{"section":"ACCREDITATION","kind":"PERIODIC","protocolNumber":"П-18/2024",
                           "protocolDate":"2024-06-01","specialtyCode":"31.08.49","endDate":"2029-06-01"},
                  "status":"PENDING","submittedBy":"account:a-9","submittedAt":"2026-12-06T08:04:00Z",
                  "decidedBy":null,"decidedAt":null,"reason":null,
                  "worker":{"id":"%2$s","lastName":"Иванова","firstName":"Мария","middleName":"Петровна"},
                  "currentEntry":{"section":"ACCREDITATION","kind":"PERIODIC","protocolNumber":"П-17/2024",
                           "protocolDate":"2024-06-01","specialtyCode":"31.08.49","endDate":"2029-06-01"}},
                 {"changeId":"%4$s","workerId":"%2$s","kind":"ADD","section":"QUALIFICATION_CATEGORIES",
                  "entryId":"%3$s","entry":{"section":"QUALIFICATION_CATEGORIES","category":"HIGHEST",
                           "specialtyCode":"31.08.49","startDate":"2025-03-01","endDate":"2030-03-01"},
                  "status":"PENDING","submittedBy":"account:a-9","submittedAt":"2026-12-06T09:30:00Z",
                  "decidedBy":null,"decidedAt":null,"reason":null,
                  "worker":{"id":"%2$s","lastName":"Иванова","firstName":"Мария","middleName":"Петровна"},
                  "currentEntry":null}],
                 "page":0,"size":20,"total":2}""".formatted(CHANGE_ID, WORKER_ID, ENTRY_ID, ADD_CHANGE_ID))));
    }

    @Test
    void theQueueShowsWhoseRecordAndTheEntryInFullOldestFirst() throws Exception {
        signInAs("REGISTRY_ADMIN");
        stubQueue();

        HttpResponse<String> queue = open("/admin/moderation");

        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("Изменений на модерации: 2", "Иванова Мария Петровна",
                "Аккредитация: исправление записи", "Квалификационная категория: добавление записи",
                "Вид аккредитации", "Периодическая аккредитация", "Номер протокола", "П-17/2024", "П-18/2024",
                "Специальность", "Терапия", "01.06.2024", "01.06.2029", "Высшая", "01.03.2025",
                "06.12.2026 11:04 МСК", "06.12.2026 12:30 МСК", "href=\"/supervision/workers/" + WORKER_ID + "\"", "data-test=\"approve\"", "data-test=\"reject\"");
        // The correction's current value stands before the proposed one, the changed line marked in words.
        assertThat(queue.body().indexOf("П-17/2024")).isLessThan(queue.body().indexOf("П-18/2024"));
        assertThat(queue.body()).contains("изменено");
        assertThat(queue.body().indexOf(CHANGE_ID)).isLessThan(queue.body().indexOf(ADD_CHANGE_ID));
        LoggedRequest asked = GATEWAY.findAll(getRequestedFor(urlPathEqualTo("/api/registry/moderation/queue")))
                .get(0);
        assertThat(asked.queryParameter("page").firstValue()).isEqualTo("0");
        assertThat(asked.queryParameter("size").firstValue()).isEqualTo("20");
        assertThat(asked.getHeader("Authorization")).startsWith("Bearer ");
    }

    @Test
    void approvingSendsTheDecisionAndSaysSoOnTheQueue() throws Exception {
        signInAs("REGISTRY_ADMIN");
        stubQueue();
        GATEWAY.stubFor(post(urlEqualTo(APPROVE)).willReturn(aResponse().withStatus(204)));
        String page = open("/admin/moderation").body();

        HttpResponse<String> approved = submit("/admin/moderation/" + WORKER_ID + "/" + CHANGE_ID + "/approve",
                Map.of("page", "0"), csrf(page));

        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(approved.headers().firstValue("Location").orElseThrow()).endsWith("/admin/moderation?page=0");
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(APPROVE)));
        HttpResponse<String> back = open("/admin/moderation?page=0");
        assertThat(back.body()).contains("data-test=\"flash\"", "Изменение подтверждено");
    }

    @Test
    void rejectingWithoutAReasonShowsTheErrorAndSendsNothing() throws Exception {
        signInAs("REGISTRY_ADMIN");
        stubQueue();
        String page = open("/admin/moderation").body();

        HttpResponse<String> refused = submit("/admin/moderation/" + WORKER_ID + "/" + CHANGE_ID + "/reject",
                Map.of("reason", "   ", "page", "0"), csrf(page));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("data-test=\"error-summary\"", "Исправьте ошибки",
                "href=\"#reason-" + CHANGE_ID + "\"", "id=\"reason-" + CHANGE_ID + "-error\"",
                "Укажите причину отклонения", "aria-invalid=\"true\"", "Иванова Мария Петровна");
        GATEWAY.verify(0, postRequestedFor(urlPathMatching("/api/registry/workers/.*/reject")));

        HttpResponse<String> tooLong = submit("/admin/moderation/" + WORKER_ID + "/" + CHANGE_ID + "/reject",
                Map.of("reason", "х".repeat(501)), csrf(page));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Причина — не длиннее 500 символов");
        GATEWAY.verify(0, postRequestedFor(urlPathMatching("/api/registry/workers/.*/reject")));
    }

    @Test
    void rejectingWithAReasonSendsIt() throws Exception {
        signInAs("REGISTRY_ADMIN");
        stubQueue();
        GATEWAY.stubFor(post(urlEqualTo(REJECT)).willReturn(aResponse().withStatus(204)));
        String page = open("/admin/moderation").body();

        HttpResponse<String> rejected = submit("/admin/moderation/" + WORKER_ID + "/" + CHANGE_ID + "/reject",
                Map.of("reason", "  Скан протокола нечитаем ", "page", "0"), csrf(page));

        assertThat(rejected.statusCode()).isEqualTo(302);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(REJECT))
                .withRequestBody(equalToJson("{\"reason\":\"Скан протокола нечитаем\"}")));
        assertThat(open("/admin/moderation?page=0").body()).contains("Изменение отклонено");
    }

    @Test
    void aDecidedChangeOrTheAdministratorsOwnRecordIsExplainedOnTheQueue() throws Exception {
        signInAs("REGISTRY_ADMIN");
        stubQueue();
        GATEWAY.stubFor(post(urlEqualTo(APPROVE)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"https://frmr.ru/problems/unprocessable","title":"Unprocessable Entity","status":422,
                         "detail":"The change is not awaiting moderation."}""")));
        String page = open("/admin/moderation").body();

        HttpResponse<String> late = submit("/admin/moderation/" + WORKER_ID + "/" + CHANGE_ID + "/approve",
                Map.of(), csrf(page));
        assertThat(late.statusCode()).isEqualTo(302);
        assertThat(open("/admin/moderation?page=0").body()).contains("data-test=\"moderation-problem\"",
                "Это изменение уже не ждёт решения");

        GATEWAY.stubFor(post(urlEqualTo(REJECT)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"https://frmr.ru/problems/forbidden","title":"Forbidden","status":403,
                         "detail":"An administrator does not decide changes of their own record."}""")));
        HttpResponse<String> own = submit("/admin/moderation/" + WORKER_ID + "/" + CHANGE_ID + "/reject",
                Map.of("reason", "Нет"), csrf(page));
        assertThat(own.statusCode()).isEqualTo(302);
        assertThat(open("/admin/moderation?page=0").body())
                .contains("Изменения своей записи в регистре решает другой администратор");
    }

    @Test
    void aWorkerIsNotShownTheAdministratorsPages() throws Exception {
        signInAs("WORKER");
        for (String path : new String[] {"/admin/moderation", "/admin/activation", "/supervision/workers",
                "/audit"}) {
            HttpResponse<String> forbidden = open(path);
            assertThat(forbidden.statusCode()).as(path).isEqualTo(403);
            assertThat(forbidden.body()).as(path).contains("Нет доступа").doesNotContain("Модерация изменений");
        }
        GATEWAY.verify(0, getRequestedFor(urlPathEqualTo("/api/registry/moderation/queue")));
    }

    @Test
    void activationRequestsAreListedWithTheWorkersNameAndActivated() throws Exception {
        signInAs("REGISTRY_ADMIN");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/auth/admin/activation-requests")).willReturn(okJson("""
                {"items":[{"accountId":"%1$s","workerId":"%2$s","requestedAt":"2026-12-06T07:15:00Z",
                  "activate":{"method":"POST","href":"/api/auth/accounts/%1$s/activate"},
                  "account":{"method":"GET","href":"/api/auth/accounts/%1$s"},
                  "record":{"method":"GET","href":"/api/registry/workers/%2$s"}}],
                 "page":0,"size":20,"total":1}""".formatted(ACCOUNT_ID, WORKER_ID))));
        GATEWAY.stubFor(get(urlEqualTo("/api/registry/workers/" + WORKER_ID)).willReturn(okJson(worker())));
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/accounts/" + ACCOUNT_ID + "/activate"))
                .willReturn(aResponse().withStatus(204)));

        HttpResponse<String> list = open("/admin/activation");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Открытых запросов: 1", "Иванова Мария Петровна", ACCOUNT_ID,
                "06.12.2026 10:15 МСК", "data-test=\"activate\"", "/supervision/workers/" + WORKER_ID);
        // The name is read for the one purpose of this page, stated with the read (percent-encoded UTF-8).
        GATEWAY.verify(getRequestedFor(urlEqualTo("/api/registry/workers/" + WORKER_ID)).withHeader(
                "X-Access-Purpose", equalTo(java.net.URLEncoder.encode("Рассмотрение заявки на активацию учётной "
                        + "записи", java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))));

        HttpResponse<String> activated = submit("/admin/activation/" + ACCOUNT_ID + "/activate", Map.of(),
                csrf(list.body()));
        assertThat(activated.statusCode()).isEqualTo(302);
        assertThat(activated.headers().firstValue("Location").orElseThrow()).endsWith("/admin/activation");
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/auth/accounts/" + ACCOUNT_ID + "/activate")));
        assertThat(open("/admin/activation").body()).contains("Учётная запись активирована");
    }

    @Test
    void theLookupFindsByNameInTheAddressAndBySnilsOnlyThroughTheForm() throws Exception {
        signInAs("SUPERVISOR");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/workers")).willReturn(okJson("""
                {"items":[{"id":"%s","lastName":"Иванова","firstName":"Мария","middleName":"Петровна",
                  "birthDate":"1985-04-12","accountStatus":"BLOCKED","pendingChanges":3}],
                 "page":0,"size":20,"total":1}""".formatted(WORKER_ID))));

        // The results are personal data: the purpose first, once, then the searches carry it to the registry.
        HttpResponse<String> asked = open("/supervision/workers?q=%D0%98%D0%B2%D0%B0%D0%BD");
        assertThat(asked.body()).contains("data-test=\"purpose-form\"", "data-test=\"lookup-purpose\"",
                "action=\"/supervision/workers/purpose\"");
        GATEWAY.verify(0, getRequestedFor(urlPathEqualTo("/api/registry/workers")));
        assertThat(submit("/supervision/workers/purpose", Map.of("suggested", ""), csrf(asked.body())).statusCode())
                .isEqualTo(400);
        HttpResponse<String> stated = submit("/supervision/workers/purpose",
                Map.of("suggested", "APPEAL", "details", "обращение № 17"), csrf(asked.body()));
        assertThat(stated.statusCode()).isEqualTo(302);
        assertThat(stated.headers().firstValue("Location").orElseThrow()).endsWith("/supervision/workers");

        HttpResponse<String> byName = open("/supervision/workers?q=%D0%98%D0%B2%D0%B0%D0%BD");
        assertThat(byName.statusCode()).isEqualTo(200);
        assertThat(byName.body()).contains("Найдено: 1", "Иванова Мария Петровна", "12.04.1985", "Заблокирована",
                "<td data-label=\"На модерации\">3</td>", "/supervision/workers/" + WORKER_ID);
        LoggedRequest searched = GATEWAY.findAll(getRequestedFor(urlPathEqualTo("/api/registry/workers"))).get(0);
        assertThat(searched.queryParameter("q").firstValue()).isEqualTo("Иван");
        assertThat(java.net.URLDecoder.decode(searched.getHeader("X-Access-Purpose").replace("+", "%2B"),
                java.nio.charset.StandardCharsets.UTF_8)).contains("обращение № 17");

        HttpResponse<String> inAddress = open("/supervision/workers?q=112-233-445%2095");
        assertThat(inAddress.statusCode()).isEqualTo(400);
        assertThat(inAddress.body()).contains("Поиск по СНИЛС — только через форму").doesNotContain("112-233-445");
        assertThat(GATEWAY.findAll(getRequestedFor(urlPathEqualTo("/api/registry/workers")))).hasSize(1);

        HttpResponse<String> bySnils = submit("/supervision/workers", Map.of("q", "112-233-445 95"),
                csrf(byName.body()));
        assertThat(bySnils.statusCode()).isEqualTo(200);
        assertThat(bySnils.body()).contains("Иванова Мария Петровна");
        assertThat(GATEWAY.findAll(getRequestedFor(urlPathEqualTo("/api/registry/workers"))).get(1)
                .queryParameter("q").firstValue()).isEqualTo("112-233-445 95");

        HttpResponse<String> empty = submit("/supervision/workers", Map.of("q", " "), csrf(byName.body()));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Исправьте ошибки", "Введите регистровый номер, СНИЛС или фамилию",
                "href=\"#q\"");
    }

    @Test
    void theRecordShowsTheMaskedSnilsAndTheSectionsWithTheirStatuses() throws Exception {
        signInAs("SUPERVISOR");
        GATEWAY.stubFor(get(urlEqualTo("/api/registry/workers/" + WORKER_ID)).willReturn(okJson(record("ACTIVE"))));

        HttpResponse<String> page = openCard(WORKER_ID);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Иванова Мария Петровна", "***-***-445 95", "12.04.1985", "Активна",
                "Аккредитация", "Подтверждено", "Периодическая аккредитация", "П-17/2024", "01.06.2029",
                "Образование", "Сведений нет.", "ГБУЗ ГКБ № 1", "Врач-терапевт")
                .doesNotContain("112-233-445").doesNotContain("Управление учётной записью");
        GATEWAY.verify(0, getRequestedFor(urlPathEqualTo("/api/auth/accounts")));
    }

    @Test
    void anAdministratorBlocksTheWorkersAccountFromTheRecord() throws Exception {
        signInAs("REGISTRY_ADMIN");
        GATEWAY.stubFor(get(urlEqualTo("/api/registry/workers/" + WORKER_ID)).willReturn(okJson(record("ACTIVE", """
                {"entryId":"%1$s","status":"PENDING","entry":{"section":"QUALIFICATION_CATEGORIES",
                  "category":"HIGHEST","specialtyCode":"31.08.49","startDate":"2025-03-01","endDate":"2030-03-01"},
                 "endDate":"2030-03-01","expiresInDays":1181,"changeId":"%2$s","changeKind":"ADD",
                 "submittedAt":"2026-12-06T08:04:00Z","decidedAt":null,"reason":null},
                {"entryId":"%1$s","status":"REJECTED","entry":{"section":"QUALIFICATION_CATEGORIES",
                  "category":"HIGHEST","specialtyCode":"31.08.49","startDate":"2024-03-01","endDate":"2029-03-01"},
                 "endDate":"2029-03-01","expiresInDays":800,"changeId":"%3$s","changeKind":"ADD",
                 "submittedAt":"2026-12-05T08:04:00Z","decidedAt":"2026-12-05T09:00:00Z","reason":"Скан нечитаем"}"""
                .formatted(ENTRY_ID, ADD_CHANGE_ID, CHANGE_ID)))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/auth/accounts")).withQueryParam("workerId", equalTo(WORKER_ID))
                .willReturn(okJson("""
                        [{"id":"%s","status":"ACTIVE","lockedUntil":null,"workerId":"%s",
                          "provisionedAt":"2026-12-01T08:00:00Z","lastLoginAt":"2026-12-06T08:00:00Z",
                          "activationRequestedAt":null,"personalDataErasedAt":null,
                          "contactChangeRequestedAt":null}]""".formatted(ACCOUNT_ID, WORKER_ID))));
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/accounts/" + ACCOUNT_ID + "/block"))
                .willReturn(aResponse().withStatus(204)));

        HttpResponse<String> page = openCard(WORKER_ID);
        assertThat(page.body()).contains("На модерации: добавление записи", "Отклонено",
                "Причина отклонения: Скан нечитаем", "Высшая", "01.03.2024");
        assertThat(page.body()).contains("Управление учётной записью", "data-test=\"block-account\"",
                "/admin/accounts/" + ACCOUNT_ID + "/block");

        HttpResponse<String> blocked = submit("/admin/accounts/" + ACCOUNT_ID + "/block",
                Map.of("workerId", WORKER_ID), csrf(page.body()));
        assertThat(blocked.statusCode()).isEqualTo(302);
        assertThat(blocked.headers().firstValue("Location").orElseThrow())
                .endsWith("/supervision/workers/" + WORKER_ID);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/auth/accounts/" + ACCOUNT_ID + "/block")));
        assertThat(open("/supervision/workers/" + WORKER_ID).body())
                .contains("Учётная запись заблокирована, её сеансы завершены");

        // Once blocked, the page offers unblocking instead.
        GATEWAY.stubFor(get(urlPathEqualTo("/api/auth/accounts")).withQueryParam("workerId", equalTo(WORKER_ID))
                .willReturn(okJson("[{\"id\":\"" + ACCOUNT_ID + "\",\"status\":\"BLOCKED\",\"workerId\":\""
                        + WORKER_ID + "\"}]")));
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/accounts/" + ACCOUNT_ID + "/unblock"))
                .willReturn(aResponse().withStatus(204)));
        HttpResponse<String> blockedPage = open("/supervision/workers/" + WORKER_ID);
        assertThat(blockedPage.body()).contains("data-test=\"unblock-account\"")
                .doesNotContain("data-test=\"block-account\"");
        assertThat(submit("/admin/accounts/" + ACCOUNT_ID + "/unblock", Map.of("workerId", WORKER_ID),
                csrf(blockedPage.body())).statusCode()).isEqualTo(302);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/auth/accounts/" + ACCOUNT_ID + "/unblock")));

        // Ids that are not ids never reach the platform.
        assertThat(open("/supervision/workers/not-an-id").statusCode()).isEqualTo(404);
        assertThat(submit("/admin/accounts/not-an-id/block", Map.of("workerId", WORKER_ID),
                csrf(blockedPage.body())).statusCode()).isEqualTo(404);
        GATEWAY.verify(0, postRequestedFor(urlPathMatching("/api/auth/accounts/not-an-id/.*")));
    }

    /** Opens a worker's card as an administrator or supervisor does: the purpose first, then the card. */
    private HttpResponse<String> openCard(String workerId) throws Exception {
        HttpResponse<String> asked = open("/supervision/workers/" + workerId);
        assertThat(asked.body()).contains("data-test=\"purpose-form\"");
        HttpResponse<String> stated = submit("/supervision/workers/" + workerId + "/purpose",
                Map.of("suggested", "APPEAL", "details", "обращение № 17"), csrf(asked.body()));
        assertThat(stated.statusCode()).isEqualTo(302);
        return open("/supervision/workers/" + workerId);
    }

    @Test
    void theAuditLedgerPassesTheFiltersAndShowsTheChainsState() throws Exception {
        signInAs("AUDITOR");
        GATEWAY.stubFor(get(urlEqualTo("/api/audit/verify")).willReturn(okJson(
                "{\"intact\":true,\"entries\":12,\"firstBrokenSequence\":null,\"reason\":null}")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/audit/entries")).willReturn(okJson("""
                {"items":[{"sequence":7,"eventId":"ev-7","type":"ru.frmr.registry.ProfileChangeApproved",
                  "source":"/registry-service","subject":"%s","time":"2026-12-06T08:05:00Z",
                  "actor":"account:a-1","topic":"frmr.registry.profile","payloadDigest":"ab12",
                  "previousHash":"00ff","hash":"ff00","recordedAt":"2026-12-06T08:05:01Z"}],
                 "page":0,"size":50,"totalItems":1}""".formatted(WORKER_ID))));

        HttpResponse<String> ledger = open("/audit?subject=" + WORKER_ID
                + "&type=ru.frmr.registry.ProfileChangeApproved&from=2026-12-01&to=06.12.2026");

        assertThat(ledger.statusCode()).isEqualTo(200);
        assertThat(ledger.body()).contains("Цепочка записей цела: проверено 12 записей", "Записей: 1",
                "ru.frmr.registry.ProfileChangeApproved", "06.12.2026 11:05 МСК", "account:a-1",
                "href=\"/audit/entries/7\"", "id=\"to\" name=\"to\" value=\"2026-12-06\"");
        LoggedRequest asked = GATEWAY.findAll(getRequestedFor(urlPathEqualTo("/api/audit/entries"))).get(0);
        assertThat(asked.queryParameter("subject").firstValue()).isEqualTo(WORKER_ID);
        assertThat(asked.queryParameter("type").firstValue()).isEqualTo("ru.frmr.registry.ProfileChangeApproved");
        // Whole days in Moscow time; the ledger's "to" is exclusive.
        assertThat(asked.queryParameter("from").firstValue()).isEqualTo("2026-11-30T21:00:00Z");
        assertThat(asked.queryParameter("to").firstValue()).isEqualTo("2026-12-06T21:00:00Z");
        assertThat(asked.queryParameter("page").firstValue()).isEqualTo("0");

        HttpResponse<String> wrongDates = open("/audit?from=2026-12-06&to=2026-12-01");
        assertThat(wrongDates.statusCode()).isEqualTo(400);
        assertThat(wrongDates.body()).contains("Исправьте ошибки", "Дата «по» не может быть раньше даты «с»",
                "href=\"#to\"");
        assertThat(GATEWAY.findAll(getRequestedFor(urlPathEqualTo("/api/audit/entries")))).hasSize(1);

        GATEWAY.stubFor(get(urlEqualTo("/api/audit/verify")).willReturn(okJson(
                "{\"intact\":false,\"entries\":12,\"firstBrokenSequence\":5,\"reason\":\"hash mismatch\"}")));
        assertThat(open("/audit").body()).contains("Нарушение целостности в записи №5", "Цепочка нарушена");
    }

    @Test
    void anAuditEntryOpensInFull() throws Exception {
        signInAs("AUDITOR");
        GATEWAY.stubFor(get(urlEqualTo("/api/audit/entries/7")).willReturn(okJson("""
                {"sequence":7,"eventId":"ev-7","type":"ru.frmr.auth.AccountBlocked","source":"/auth-service",
                 "subject":"a-2","time":"2026-12-06T08:05:00Z","actor":"account:a-1","topic":"frmr.auth.accounts",
                 "payloadDigest":"ab12","previousHash":"00ff","hash":"ff00aa","recordedAt":"2026-12-06T08:05:01Z"}""")));
        HttpResponse<String> entry = open("/audit/entries/7");
        assertThat(entry.statusCode()).isEqualTo(200);
        assertThat(entry.body()).contains("Запись №7", "ru.frmr.auth.AccountBlocked", "ff00aa", "00ff",
                "06.12.2026 11:05 МСК");
    }

    private static String record(String accountStatus) {
        return record(accountStatus, "");
    }

    /** The record as registry-service answers it; {@code qualifications}: the items of that section. */
    private static String record(String accountStatus, String qualifications) {
        return """
                {"id":"%1$s","lastName":"Иванова","firstName":"Мария","middleName":"Петровна",
                 "birthDate":"1985-04-12","snils":"***-***-445 95","email":null,"mobile":null,
                 "registeredAt":"2026-12-01T08:00:00Z","updatedAt":"2026-12-06T08:05:00Z","version":4,
                 "entries":{},"pendingChanges":0,"accountStatus":"%2$s",
                 "employments":{"emp-1":{"organizationId":"o-1","organizationName":"ГБУЗ ГКБ № 1","ogrn":"1027700000001",
                   "regionCode":"77","regionName":"г. Москва","department":"Терапия","positionCode":"p-1",
                   "positionName":"Врач-терапевт","rate":1.0,"contractKind":"MAIN","startDate":"2020-01-01",
                   "endDate":null,"version":1}},
                 "gender":"F","citizenship":"RUS","inn":null,"identityDocument":null,"personalDataErased":false,
                 "sections":{"EDUCATION":[],"POSTGRADUATE_EDUCATION":[],"ADDITIONAL_EDUCATION":[],"CERTIFICATES":[],
                  "ACCREDITATION":[{"entryId":"%3$s","status":"APPROVED",
                    "entry":{"section":"ACCREDITATION","kind":"PERIODIC","protocolNumber":"П-17/2024",
                             "protocolDate":"2024-06-01","specialtyCode":"31.08.49","endDate":"2029-06-01"},
                    "endDate":"2029-06-01","expiresInDays":908,"changeId":"%4$s","changeKind":null,
                    "submittedAt":null,"decidedAt":"2026-12-06T08:03:00Z","reason":null}],
                  "QUALIFICATION_CATEGORIES":[%5$s]}}""".formatted(WORKER_ID, accountStatus, ENTRY_ID, CHANGE_ID,
                qualifications);
    }
}
