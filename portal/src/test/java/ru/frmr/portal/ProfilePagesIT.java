package ru.frmr.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker's read-only pages: the profile with every section of the record as the registry answers it (the
 * stubbed answers have the shapes of registry-service's WorkerResponse, RecordItem, JournalEntryResponse and
 * ProfileChangeResponse), and the change journal.
 */
class ProfilePagesIT extends PortalTestSupport {

    private static final String RECORD = "/api/registry/workers/" + WORKER_ID;
    private static final String ACCREDITATION = "a1111111-1111-4111-8111-111111111111";
    private static final String OLD_CERTIFICATE = "c2222222-2222-4222-8222-222222222222";
    private static final String REJECTED_CERTIFICATE = "c3333333-3333-4333-8333-333333333333";
    private static final String PENDING_EDUCATION = "e4444444-4444-4444-8444-444444444444";
    private static final String CATEGORY = "q5555555-5555-4555-8555-555555555555";

    @BeforeEach
    void dictionaries() {
        dictionary("accreditation-kinds", "PERIODIC", "Периодическая аккредитация");
        dictionary("qualification-categories", "HIGHEST", "Высшая квалификационная категория");
        dictionary("document-kinds", "DIPLOMA", "Диплом");
        dictionary("education-levels", "SPECIALIST", "Высшее образование — специалитет");
        dictionary("employment-contract-kinds", "MAIN", "Основное место работы");
    }

    @Test
    void theProfileShowsEverySectionWithItsStatusTermsAndForms() throws Exception {
        signInAs("WORKER");
        GATEWAY.stubFor(get(urlEqualTo(RECORD)).willReturn(okJson(record(false, "ACTIVE"))));

        HttpResponse<String> page = open("/profile");

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(text(body, "profile-name")).isEqualTo("Иванова Мария Петровна");
        assertThat(text(body, "snils")).isEqualTo("112-233-445 95");
        assertThat(text(body, "account-status")).isEqualTo("Активна");
        assertThat(body).contains("12.04.1985", "Женский", "Российская Федерация", "500100732259",
                "Паспорт гражданина Российской Федерации, серия 4510, № 123456, выдан ОВД Тверского района"
                        + " г. Москвы 20.05.2005, код подразделения 770-001",
                "ivanova@frmr.test", "+79990000001");
        assertThat(body).contains("ГБУЗ «Городская поликлиника № 1»", "Врач-терапевт", "Основное место работы",
                "с 01.09.2015 по настоящее время", "Работает сейчас");

        String accreditation = entry(body, ACCREDITATION, "APPROVED");
        assertThat(text(accreditation, "entry-title")).isEqualTo("Периодическая аккредитация: Терапия");
        assertThat(text(accreditation, "entry-status")).isEqualTo("Подтверждено");
        assertThat(text(accreditation, "entry-expiry")).isEqualTo("Действует до 01.06.2029, истекает через 908 дней");
        assertThat(accreditation).contains("П-17/2024", "01.06.2024",
                "href=\"/profile/accreditation/" + ACCREDITATION + "/edit\"",
                "href=\"/profile/accreditation/" + ACCREDITATION + "/remove\"");

        String expired = entry(body, OLD_CERTIFICATE, "APPROVED");
        assertThat(text(expired, "entry-expiry")).isEqualTo("Истёк 01.03.2024");

        String pending = entry(body, PENDING_EDUCATION, "PENDING");
        assertThat(text(pending, "entry-status")).isEqualTo("На модерации");
        assertThat(text(pending, "entry-note")).isEqualTo("Добавление отправлено 06.12.2026 11:04 МСК");
        assertThat(text(pending, "entry-title")).isEqualTo("Терапия");
        assertThat(pending).contains("Первый МГМУ им. И. М. Сеченова", "Диплом", "Высшее образование — специалитет",
                "30.06.2008").doesNotContain("/edit", "/remove", "data-test=\"entry-expiry\"");

        String rejected = entry(body, REJECTED_CERTIFICATE, "REJECTED");
        assertThat(text(rejected, "entry-status")).isEqualTo("Отклонено: Скан сертификата нечитаем");
        assertThat(text(rejected, "entry-note")).isEqualTo("Добавление отклонено 06.12.2026 12:00 МСК");
        assertThat(rejected).doesNotContain("/edit", "/remove");

        // An approved entry whose correction awaits moderation cannot be changed again until it is decided.
        String busy = entry(body, CATEGORY, "APPROVED");
        assertThat(text(busy, "entry-note")).isEqualTo("Изменение этой записи на модерации.");
        assertThat(busy).doesNotContain("/edit", "/remove");
        assertThat(text(entry(body, CATEGORY, "PENDING"), "entry-note"))
                .isEqualTo("Исправление отправлено 06.12.2026 11:30 МСК");

        for (String section : List.of("education", "postgraduate-education", "additional-education", "certificates",
                "accreditation", "qualification-categories")) {
            assertThat(body).contains("href=\"/profile/" + section + "/new\"", "data-test=\"section-" + section + "\"");
        }
        assertThat(section(body, "postgraduate-education")).contains("Сведений нет.");
        assertThat(section(body, "contacts")).contains("href=\"/profile/contacts\"");
        assertThat(text(body, "pending-notice")).contains("Изменений на модерации: 2.");
        GATEWAY.verify(getRequestedFor(urlEqualTo(RECORD)).withHeader("Authorization", equalTo("Bearer " + token())));
    }

    @Test
    void erasedPersonalDataAndABlockedAccountAreSaidSo() throws Exception {
        signInAs("WORKER");
        GATEWAY.stubFor(get(urlEqualTo(RECORD)).willReturn(okJson(record(true, "BLOCKED"))));

        String body = open("/profile").body();

        assertThat(text(body, "snils")).isEqualTo("Сведения удалены по запросу");
        assertThat(section(body, "contacts")).contains("Сведения удалены по запросу")
                .doesNotContain("ivanova@frmr.test");
        assertThat(body).doesNotContain("112-233-445 95", "4510");
        assertThat(text(body, "account-status")).isEqualTo("Заблокирована");
        assertThat(text(body, "blocked-notice")).contains("изменения сведений недоступны");
        assertThat(body).doesNotContain("/new\"", "/edit\"", "/remove\"", "/profile/contacts\"");
        assertThat(text(entry(body, ACCREDITATION, "APPROVED"), "entry-status")).isEqualTo("Подтверждено");
    }

    @Test
    void aWorkerWhoseRecordIsNotLinkedYetIsToldItIsBeingCreated() throws Exception {
        signInWithoutRecord();

        HttpResponse<String> profile = open("/profile");
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(text(profile.body(), "record-creating")).contains("Ваша запись в регистре создаётся");
        HttpResponse<String> journal = open("/journal");
        assertThat(journal.statusCode()).isEqualTo(200);
        assertThat(text(journal.body(), "record-creating")).contains("Ваша запись в регистре создаётся");
        GATEWAY.verify(0, getRequestedFor(urlPathMatching("/api/registry/workers/.*")));
    }

    @Test
    void aRecordTheRegistryDoesNotShowYetIsBeingCreated() throws Exception {
        signInAs("WORKER");
        GATEWAY.stubFor(get(urlEqualTo(RECORD)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/not-found\",\"status\":404}")));

        HttpResponse<String> profile = open("/profile");

        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(text(profile.body(), "record-creating")).contains("Ваша запись в регистре создаётся");
    }

    @Test
    void onlyAWorkerHasAProfile() throws Exception {
        signInAs("REGISTRY_ADMIN");

        HttpResponse<String> profile = open("/profile");

        assertThat(profile.statusCode()).isEqualTo(403);
        assertThat(profile.body()).contains("Нет доступа").doesNotContain("data-test=\"profile\"");
        GATEWAY.verify(0, getRequestedFor(urlPathMatching("/api/registry/workers/.*")));
    }

    @Test
    void theJournalListsTheChangesNewestFirstWithTheirOutcome() throws Exception {
        signInAs("WORKER");
        GATEWAY.stubFor(get(urlEqualTo(RECORD + "/journal")).willReturn(okJson("""
                [{"changeId":"ch-1","section":"CERTIFICATES","entryId":"%1$s","kind":"ADD","action":"SUBMITTED",
                  "actor":"account:a-1","at":"2026-12-06T08:00:00Z","reason":null},
                 {"changeId":"ch-1","section":"CERTIFICATES","entryId":"%1$s","kind":"ADD","action":"REJECTED",
                  "actor":"account:admin-1","at":"2026-12-06T09:00:00Z","reason":"Скан сертификата нечитаем"},
                 {"changeId":null,"section":"EMPLOYMENT","entryId":"emp-1","kind":"ADD","action":"RECORDED",
                  "actor":"account:hr-1","at":"2026-12-06T09:10:00Z","reason":null},
                 {"changeId":"ch-2","section":"ACCREDITATION","entryId":"%2$s","kind":"ADD","action":"SUBMITTED",
                  "actor":"account:a-1","at":"2026-12-06T09:20:00Z","reason":null},
                 {"changeId":"ch-2","section":"ACCREDITATION","entryId":"%2$s","kind":"ADD","action":"APPROVED",
                  "actor":"account:admin-1","at":"2026-12-06T09:30:00Z","reason":null},
                 {"changeId":null,"section":"CONTACTS","entryId":null,"kind":null,"action":"UPDATED",
                  "actor":"account:a-1","at":"2026-12-06T09:40:00Z","reason":null}]
                """.formatted(REJECTED_CERTIFICATE, ACCREDITATION))));
        GATEWAY.stubFor(get(urlPathEqualTo(RECORD + "/changes")).willReturn(okJson("""
                [{"changeId":"ch-1","workerId":"%1$s","kind":"ADD","section":"CERTIFICATES","entryId":"%2$s",
                  "entry":{"section":"CERTIFICATES","series":"0177","number":"1234567","examDate":"2020-03-01",
                           "endDate":"2025-03-01","specialtyCode":"31.08.49"},
                  "status":"REJECTED","submittedBy":"account:a-1","submittedAt":"2026-12-06T08:00:00Z",
                  "decidedBy":"account:admin-1","decidedAt":"2026-12-06T09:00:00Z",
                  "reason":"Скан сертификата нечитаем",
                  "worker":{"id":"%1$s","lastName":"Иванова","firstName":"Мария","middleName":"Петровна"},
                  "currentEntry":null},
                 {"changeId":"ch-2","workerId":"%1$s","kind":"ADD","section":"ACCREDITATION","entryId":"%3$s",
                  "entry":{"section":"ACCREDITATION","kind":"PERIODIC","protocolNumber":"П-17/2024",
                           "protocolDate":"2024-06-01","specialtyCode":"31.08.49","endDate":"2029-06-01"},
                  "status":"APPROVED","submittedBy":"account:a-1","submittedAt":"2026-12-06T09:20:00Z",
                  "decidedBy":"account:admin-1","decidedAt":"2026-12-06T09:30:00Z","reason":null,
                  "worker":{"id":"%1$s","lastName":"Иванова","firstName":"Мария","middleName":"Петровна"},
                  "currentEntry":null}]
                """.formatted(WORKER_ID, REJECTED_CERTIFICATE, ACCREDITATION))));

        HttpResponse<String> page = open("/journal");

        assertThat(page.statusCode()).isEqualTo(200);
        List<String> items = items(page.body(), "journal-item");
        assertThat(items).hasSize(6);
        assertThat(text(items.get(0), "journal-what")).isEqualTo("Контакты — изменение");
        assertThat(text(items.get(0), "journal-at")).isEqualTo("06.12.2026 12:40 МСК");
        assertThat(text(items.get(0), "journal-status")).isEqualTo("Изменено");
        assertThat(text(items.get(1), "journal-what")).isEqualTo("Аккредитация специалиста — добавление");
        assertThat(text(items.get(1), "journal-subject")).isEqualTo("Периодическая аккредитация: Терапия");
        assertThat(text(items.get(1), "journal-status")).isEqualTo("Подтверждено");
        assertThat(items.get(1)).contains("Администратор регистра");
        assertThat(text(items.get(2), "journal-status")).isEqualTo("Отправлено на модерацию");
        assertThat(items.get(2)).contains(">Вы<");
        assertThat(text(items.get(3), "journal-what")).isEqualTo("Место работы — новая запись");
        assertThat(text(items.get(3), "journal-status")).isEqualTo("Внесено работодателем");
        assertThat(text(items.get(4), "journal-what")).isEqualTo("Сертификаты специалиста — добавление");
        assertThat(text(items.get(4), "journal-subject")).isEqualTo("Сертификат специалиста: Терапия");
        assertThat(text(items.get(4), "journal-status")).isEqualTo("Отклонено");
        assertThat(text(items.get(4), "journal-reason")).isEqualTo("Причина: Скан сертификата нечитаем");
        assertThat(text(items.get(5), "journal-at")).isEqualTo("06.12.2026 11:00 МСК");
        assertThat(items.get(5)).doesNotContain("journal-reason");
        assertThat(page.body()).doesNotContain("data-test=\"journal-older\"");
    }

    @Test
    void aLongJournalIsShownAPageAtATime() throws Exception {
        signInAs("WORKER");
        StringBuilder journal = new StringBuilder("[");
        for (int i = 0; i < 35; i++) {
            journal.append(i == 0 ? "" : ",").append("""
                    {"changeId":"ch-%1$d","section":"CERTIFICATES","entryId":"e-%1$d","kind":"ADD","action":"SUBMITTED",
                     "actor":"account:a-1","at":"2026-11-%2$02dT08:00:00Z","reason":null}""".formatted(i, i % 28 + 1));
        }
        GATEWAY.stubFor(get(urlEqualTo(RECORD + "/journal")).willReturn(okJson(journal.append("]").toString())));
        GATEWAY.stubFor(get(urlPathEqualTo(RECORD + "/changes")).willReturn(okJson("[]")));

        String first = open("/journal").body();
        assertThat(items(first, "journal-item")).hasSize(30);
        assertThat(text(first, "journal-total")).isEqualTo("Записей: 35");
        assertThat(first).contains("href=\"/journal?page=1\"", "Страница 1 из 2");

        String second = open("/journal?page=1").body();
        List<String> rest = items(second, "journal-item");
        assertThat(rest).hasSize(5);
        // The oldest lines (the first the registry lists) come last.
        assertThat(text(rest.get(4), "journal-at")).isEqualTo("01.11.2026 11:00 МСК");
        assertThat(second).contains("href=\"/journal?page=0\"").doesNotContain("data-test=\"journal-older\"");

        assertThat(items(open("/journal?page=abc").body(), "journal-item")).hasSize(30);
    }

    @Test
    void anEmptyJournalSaysSo() throws Exception {
        signInAs("WORKER");
        GATEWAY.stubFor(get(urlEqualTo(RECORD + "/journal")).willReturn(okJson("[]")));
        GATEWAY.stubFor(get(urlPathEqualTo(RECORD + "/changes")).willReturn(okJson("[]")));

        assertThat(text(open("/journal").body(), "journal-empty")).isEqualTo("Изменений пока не было.");
    }

    // --- the registry's answers --------------------------------------------------------------------------------

    private static void dictionary(String name, String code, String title) {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/dictionaries/" + name)).willReturn(okJson(
                "{\"name\":\"%s\",\"version\":1,\"items\":[{\"code\":\"%s\",\"name\":\"%s\"}]}"
                        .formatted(name, code, title))));
    }

    /** A WorkerResponse as registry-service writes it for the record's owner (docs/cabinet-api.md). */
    private static String record(boolean erased, String accountStatus) {
        String accreditation = """
                {"section":"ACCREDITATION","kind":"PERIODIC","protocolNumber":"П-17/2024","protocolDate":"2024-06-01",
                 "specialtyCode":"31.08.49","endDate":"2029-06-01"}""";
        String oldCertificate = """
                {"section":"CERTIFICATES","series":"0177","number":"7654321","examDate":"2019-03-01",
                 "endDate":"2024-03-01","specialtyCode":"31.08.49"}""";
        String category = """
                {"section":"QUALIFICATION_CATEGORIES","category":"HIGHEST","specialtyCode":"31.08.49",
                 "startDate":"2025-03-01","endDate":"2030-03-01"}""";
        return """
                {"id":"%1$s","lastName":"Иванова","firstName":"Мария","middleName":"Петровна",
                 "birthDate":"1985-04-12","snils":%2$s,"email":%3$s,"mobile":%4$s,
                 "registeredAt":"2026-12-06T08:00:00Z","updatedAt":"2026-12-06T08:05:00Z","version":7,
                 "entries":{"%5$s":%6$s,"%7$s":%8$s,"%9$s":%10$s},
                 "pendingChanges":2,"accountStatus":"%11$s",
                 "employments":{"emp-1":{"organizationId":"org-1","organizationName":"ГБУЗ «Городская поликлиника № 1»",
                   "ogrn":"1027700000001","regionCode":"77","regionName":"г. Москва","department":"Терапевтическое отделение",
                   "positionCode":"P-1","positionName":"Врач-терапевт","rate":1.0,"contractKind":"MAIN",
                   "startDate":"2015-09-01","endDate":null,"version":1}},
                 "gender":"F","citizenship":"RUS","inn":%12$s,"identityDocument":%13$s,
                 "personalDataErased":%14$s,
                 "sections":{
                  "EDUCATION":[
                   {"entryId":"%15$s","status":"PENDING",
                    "entry":{"section":"EDUCATION","institution":"Первый МГМУ им. И. М. Сеченова","documentKind":"DIPLOMA",
                             "diplomaSeries":"107704","diplomaNumber":"0012345","diplomaDate":"2008-06-30",
                             "specialtyCode":"31.08.49","qualification":"Врач","levelCode":"SPECIALIST"},
                    "endDate":null,"expiresInDays":null,"changeId":"ch-3","changeKind":"ADD",
                    "submittedAt":"2026-12-06T08:04:00Z","decidedAt":null,"reason":null}],
                  "POSTGRADUATE_EDUCATION":[],"ADDITIONAL_EDUCATION":[],
                  "CERTIFICATES":[
                   {"entryId":"%7$s","status":"APPROVED","entry":%8$s,"endDate":"2024-03-01","expiresInDays":-1011,
                    "changeId":"ch-0","changeKind":null,"submittedAt":null,"decidedAt":"2026-01-10T08:00:00Z","reason":null},
                   {"entryId":"%16$s","status":"REJECTED",
                    "entry":{"section":"CERTIFICATES","series":"0177","number":"1234567","examDate":"2020-03-01",
                             "endDate":"2025-03-01","specialtyCode":"31.08.49"},
                    "endDate":"2025-03-01","expiresInDays":-645,"changeId":"ch-1","changeKind":"ADD",
                    "submittedAt":"2026-12-06T08:00:00Z","decidedAt":"2026-12-06T09:00:00Z",
                    "reason":"Скан сертификата нечитаем"}],
                  "ACCREDITATION":[
                   {"entryId":"%5$s","status":"APPROVED","entry":%6$s,"endDate":"2029-06-01","expiresInDays":908,
                    "changeId":"ch-2","changeKind":null,"submittedAt":null,"decidedAt":"2026-12-06T09:30:00Z",
                    "reason":null}],
                  "QUALIFICATION_CATEGORIES":[
                   {"entryId":"%9$s","status":"APPROVED","entry":%10$s,"endDate":"2030-03-01","expiresInDays":1181,
                    "changeId":"ch-4","changeKind":null,"submittedAt":null,"decidedAt":"2026-06-01T08:00:00Z",
                    "reason":null},
                   {"entryId":"%9$s","status":"PENDING",
                    "entry":{"section":"QUALIFICATION_CATEGORIES","category":"HIGHEST","specialtyCode":"31.08.49",
                             "startDate":"2025-03-02","endDate":"2030-03-02"},
                    "endDate":"2030-03-02","expiresInDays":1182,"changeId":"ch-5","changeKind":"CORRECT",
                    "submittedAt":"2026-12-06T08:30:00Z","decidedAt":null,"reason":null}]}}"""
                .formatted(WORKER_ID, erased ? "null" : "\"112-233-445 95\"",
                        erased ? "null" : "\"ivanova@frmr.test\"", erased ? "null" : "\"+79990000001\"",
                        ACCREDITATION, accreditation, OLD_CERTIFICATE, oldCertificate, CATEGORY, category,
                        accountStatus, erased ? "null" : "\"500100732259\"",
                        erased ? "null" : """
                                {"type":"RF_PASSPORT","series":"4510","number":"123456","issueDate":"2005-05-20",
                                 "issuedBy":"ОВД Тверского района г. Москвы","issuerCode":"770-001"}""",
                        erased, PENDING_EDUCATION, REJECTED_CERTIFICATE);
    }

    /** Signs in as a worker whose token carries no registry number yet. */
    private void signInWithoutRecord() throws Exception {
        startLogin();
        String code = "handoff-" + UUID.randomUUID();
        String token = b64("{\"alg\":\"ES256\",\"kid\":\"k1\"}") + "."
                + b64("{\"sub\":\"a-2\",\"sid\":\"s-2\",\"roles\":[\"WORKER\"],\"exp\":4102444800}") + ".c2lnbmF0dXJl";
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/handoff"))
                .withRequestBody(matchingJsonPath("$.code", equalTo(code)))
                .willReturn(okJson("{\"status\":\"SESSION_OPENED\",\"access_token\":\"" + token
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"refresh_token\":\"r-" + code
                        + "\",\"session_id\":\"s-2\"}")));
        assertThat(open("/login/complete?code=" + code).statusCode()).isEqualTo(302);
    }

    // --- reading the pages -------------------------------------------------------------------------------------

    /** The text of the first element marked {@code data-test="<test>"}, whitespace collapsed, tags left out. */
    private static String text(String html, String test) {
        Matcher element = Pattern.compile("<(\\w+)[^>]*data-test=\"" + Pattern.quote(test) + "\"[^>]*>(.*?)</\\1>",
                Pattern.DOTALL).matcher(html);
        assertThat(element.find()).as("an element data-test=%s", test).isTrue();
        String inner = element.group(2).replaceAll("<span class=\"profile-sr\"[^>]*>.*?</span>", "");
        return inner.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip()
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    /** The list item of one entry with one status. */
    private static String entry(String html, String entryId, String status) {
        return items(html, "entry").stream()
                .filter(item -> item.contains("data-status=\"" + status + "\"")
                        && item.contains("data-entry-id=\"" + entryId + "\""))
                .findFirst().orElseThrow(() -> new AssertionError("no " + status + " entry " + entryId));
    }

    private static String section(String html, String id) {
        Matcher section = Pattern.compile("<div[^>]*id=\"" + Pattern.quote(id) + "\".*?(?=<div class=\"panel|</section>)",
                Pattern.DOTALL).matcher(html);
        assertThat(section.find()).as("a section #%s", id).isTrue();
        return section.group();
    }

    /** Every {@code <li>} marked {@code data-test="<test>"} (the items hold no nested list items). */
    private static List<String> items(String html, String test) {
        Matcher item = Pattern.compile("<li[^>]*data-test=\"" + Pattern.quote(test) + "\".*?</li>", Pattern.DOTALL)
                .matcher(html);
        List<String> found = new ArrayList<>();
        while (item.find()) {
            found.add(item.group());
        }
        return found;
    }
}
