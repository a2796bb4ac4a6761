package ru.frmr.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker's change forms: a form per section with the registry's dictionaries as select lists, Russian errors
 * next to the fields and in the summary, then the one-time code page, and the registry gets exactly the change
 * with the step-up token.
 */
class ChangeFormsPagesIT extends PortalTestSupport {

    private static final String CHANGES = "/api/registry/workers/" + WORKER_ID + "/changes";
    private static final String ENTRY_ID = "0b7c3a52-9d1e-4f6a-8c2b-5e4d3f2a1b0c";
    private static final String STEP_UP_TOKEN = "step-up-token-1";

    @BeforeEach
    void dictionariesAndRecord() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/dictionaries/accreditation-kinds")).willReturn(okJson("""
                {"name":"accreditation-kinds","version":1,"items":[
                 {"code":"PRIMARY","name":"Первичная аккредитация"},
                 {"code":"PRIMARY_SPECIALIZED","name":"Первичная специализированная аккредитация"},
                 {"code":"PERIODIC","name":"Периодическая аккредитация"}]}""")));
        GATEWAY.stubFor(get(urlEqualTo("/api/registry/workers/" + WORKER_ID)).willReturn(okJson("""
                {"id":"%s","lastName":"Иванова","firstName":"Мария","middleName":"Петровна",
                 "snils":"112-233-445 95","email":"ivanova@frmr.test","mobile":"+79990000001",
                 "accountStatus":"ACTIVE","pendingChanges":0,
                 "entries":{"%s":{"section":"ACCREDITATION","kind":"PERIODIC","protocolNumber":"П-17/2024",
                   "protocolDate":"2024-06-01","specialtyCode":"31.08.49","endDate":"2029-06-01"}}}"""
                .formatted(WORKER_ID, ENTRY_ID))));
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/step-up")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"CODE_SENT\",\"channel\":\"EMAIL\",\"sentTo\":\"k***@frmr.test\","
                        + "\"expiresAt\":\"2030-01-01T00:05:00Z\"}")));
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/step-up/verify")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/wrong-code\",\"status\":400,"
                        + "\"remainingAttempts\":4}")));
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/step-up/verify"))
                .withRequestBody(equalToJson("{\"code\":\"654321\"}"))
                .willReturn(okJson("{\"access_token\":\"" + STEP_UP_TOKEN + "\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":300,\"step_up\":true}")));
        GATEWAY.stubFor(post(urlEqualTo(CHANGES)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"changeId\":\"c-1\"}")));
        signInAs("WORKER");
    }

    @Test
    void theAccreditationFormListsKindsAndSpecialtiesFromTheDictionaries() throws Exception {
        HttpResponse<String> page = open("/profile/accreditation/new");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Новая запись: Аккредитация",
                "<option value=\"PRIMARY\">Первичная аккредитация</option>",
                "<option value=\"PERIODIC\">Периодическая аккредитация</option>",
                "<option value=\"31.08.49\">Терапия (31.08.49)</option>",
                "<label for=\"protocolDate\">Дата протокола</label>", "type=\"date\"", "ДД.ММ.ГГГГ",
                "срок рассчитает регистр");
        // The end date is the registry's to set: no field for it.
        assertThat(page.body()).doesNotContain("name=\"endDate\"");
    }

    @Test
    void everySectionHasItsFormAndAnAdditionalEducationIsSentWithItsHoursAsANumber() throws Exception {
        dictionary("document-kinds", "DIPLOMA", "Диплом");
        dictionary("education-levels", "HIGHER_SPECIALIST", "Высшее образование — специалитет");
        dictionary("postgraduate-programs", "RESIDENCY", "Ординатура");
        dictionary("additional-education-kinds", "QUALIFICATION_UPGRADE", "Повышение квалификации");
        dictionary("additional-education-documents", "QUALIFICATION_UPGRADE_CERTIFICATE",
                "Удостоверение о повышении квалификации");
        dictionary("qualification-categories", "HIGHEST", "Высшая квалификационная категория");
        Map<String, String> expected = Map.of(
                "education", "<label for=\"levelCode\">Уровень образования</label>",
                "postgraduate-education", "<option value=\"RESIDENCY\">Ординатура</option>",
                "additional-education", "<label for=\"hours\">Объём программы, академических часов</label>",
                "certificates", "<label for=\"examDate\">Дата экзамена</label>",
                "accreditation", "<label for=\"protocolNumber\">Номер протокола</label>",
                "qualification-categories", "<option value=\"HIGHEST\">Высшая квалификационная категория</option>");
        for (Map.Entry<String, String> section : expected.entrySet()) {
            HttpResponse<String> page = open("/profile/" + section.getKey() + "/new");
            assertThat(page.statusCode()).as(section.getKey()).isEqualTo(200);
            assertThat(page.body()).as(section.getKey()).contains(section.getValue(), "Новая запись: ");
        }

        Map<String, String> course = new LinkedHashMap<>();
        course.put("kind", "QUALIFICATION_UPGRADE");
        course.put("courseName", "Неотложная помощь");
        course.put("hours", "8");
        course.put("institution", "РМАНПО");
        course.put("startDate", "2024-03-01");
        course.put("endDate", "2024-02-01");
        course.put("documentKind", "QUALIFICATION_UPGRADE_CERTIFICATE");
        course.put("documentNumber", "12-345");
        course.put("documentDate", "20.03.2024");
        String csrf = csrf(open("/profile/additional-education/new").body());
        HttpResponse<String> wrong = submit("/profile/additional-education/new", course, csrf);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains(
                "<p class=\"error-text\" id=\"hours-error\">Для этого вида программы — от 16 до 3000",
                "<p class=\"error-text\" id=\"endDate-error\">Дата окончания не может быть раньше даты начала.</p>",
                "value=\"2024-03-20\"");

        course.put("hours", "36");
        course.put("endDate", "2024-03-15");
        submit("/profile/additional-education/new", course, csrf);
        submit("/step-up", Map.of("code", "654321"), csrf(open("/step-up").body()));
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(CHANGES)).withRequestBody(equalToJson("""
                {"kind":"ADD","entry":{"section":"ADDITIONAL_EDUCATION","kind":"QUALIFICATION_UPGRADE",
                 "courseName":"Неотложная помощь","hours":36,"institution":"РМАНПО","startDate":"2024-03-01",
                 "endDate":"2024-03-15","documentKind":"QUALIFICATION_UPGRADE_CERTIFICATE",
                 "documentNumber":"12-345","documentDate":"2024-03-20"}}""")));
    }

    @Test
    void anEmptyOrInvalidFormIsShownAgainWithItsErrorsAndNothingIsSent() throws Exception {
        String csrf = csrf(open("/profile/accreditation/new").body());

        HttpResponse<String> empty = submit("/profile/accreditation/new", Map.of(), csrf);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Исправьте ошибки", "href=\"#kind\"", "href=\"#protocolNumber\"",
                "href=\"#protocolDate\"", "href=\"#specialtyCode\"",
                "<p class=\"error-text\" id=\"protocolNumber-error\">Укажите «Номер протокола».</p>",
                "Выберите «Вид аккредитации» из списка.", "aria-invalid=\"true\"");

        Map<String, String> invalid = new LinkedHashMap<>();
        invalid.put("kind", "ETERNAL");
        invalid.put("protocolNumber", "П-<b>1</b>");
        invalid.put("protocolDate", LocalDate.now().plusDays(3).toString());
        invalid.put("specialtyCode", "31.08.49");
        HttpResponse<String> wrong = submit("/profile/accreditation/new", invalid, csrf);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains(
                "<p class=\"error-text\" id=\"kind-error\">Выберите значение из списка.</p>",
                "<p class=\"error-text\" id=\"protocolNumber-error\">Уберите символы &lt; и &gt;.</p>",
                "<p class=\"error-text\" id=\"protocolDate-error\">Дата не может быть позже сегодняшней.</p>")
                .doesNotContain("specialtyCode-error");
        // What was typed stays in the form.
        assertThat(wrong.body()).contains("<option value=\"31.08.49\" selected=\"selected\">");

        GATEWAY.verify(0, postRequestedFor(urlEqualTo(CHANGES)));
        GATEWAY.verify(0, postRequestedFor(urlEqualTo("/api/auth/step-up")));
    }

    @Test
    void aValidAccreditationIsConfirmedWithTheCodeAndSentWithTheStepUpToken() throws Exception {
        String csrf = csrf(open("/profile/accreditation/new").body());
        HttpResponse<String> sent = submit("/profile/accreditation/new", accreditation("2024-06-01"), csrf);
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/step-up");
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/auth/step-up"))
                .withHeader("Authorization", equalTo("Bearer " + token("WORKER"))));
        GATEWAY.verify(0, postRequestedFor(urlEqualTo(CHANGES)));

        HttpResponse<String> codePage = open("/step-up");
        assertThat(codePage.body()).contains("Код подтверждения отправлен на k***@frmr.test",
                "Новая запись: Аккредитация", "Периодическая аккредитация", "01.06.2024", "01.06.2029");

        HttpResponse<String> wrong = submit("/step-up", Map.of("code", "111111"), csrf(codePage.body()));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Исправьте ошибки", "href=\"#code\"",
                "<p class=\"error-text\" id=\"code-error\" data-test=\"step-up-error\">Код неверен.");
        GATEWAY.verify(0, postRequestedFor(urlEqualTo(CHANGES)));

        HttpResponse<String> right = submit("/step-up", Map.of("code", "654321"), csrf(codePage.body()));
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith("/profile/submitted");
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(CHANGES))
                .withHeader("Authorization", equalTo("Bearer " + STEP_UP_TOKEN))
                .withRequestBody(equalToJson("""
                        {"kind":"ADD","entry":{"section":"ACCREDITATION","kind":"PERIODIC",
                         "protocolNumber":"П-17/2024","protocolDate":"2024-06-01","specialtyCode":"31.08.49"}}""")));

        HttpResponse<String> done = open("/profile/submitted");
        assertThat(done.body()).contains("Изменение отправлено на модерацию", "На модерации", "на модерации",
                "Новая запись: Аккредитация", "П-17/2024", "href=\"/journal\"", "href=\"/profile\"");
        // Opened again later, the profile is where the change's state is.
        assertThat(open("/profile/submitted").headers().firstValue("Location").orElseThrow()).endsWith("/profile");

        // The token served that change only: the next one asks for a new code.
        HttpResponse<String> next = submit("/profile/accreditation/new", accreditation("2019-05-01"),
                csrf(open("/profile/accreditation/new").body()));
        assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/step-up");
        GATEWAY.verify(2, postRequestedFor(urlEqualTo("/api/auth/step-up")));
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(CHANGES)));
    }

    @Test
    void aStepUpTheRegistryFindsTooOldStartsANewOne() throws Exception {
        GATEWAY.stubFor(post(urlEqualTo(CHANGES)).inScenario("too old").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"https://frmr.ru/problems/step-up-required\",\"status\":403}"))
                .willSetStateTo("fresh"));
        GATEWAY.stubFor(post(urlEqualTo(CHANGES)).inScenario("too old").whenScenarioStateIs("fresh")
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"changeId\":\"c-3\"}")));
        submit("/profile/accreditation/new", accreditation("2024-06-01"),
                csrf(open("/profile/accreditation/new").body()));

        HttpResponse<String> again = submit("/step-up", Map.of("code", "654321"), csrf(open("/step-up").body()));
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/step-up");
        GATEWAY.verify(2, postRequestedFor(urlEqualTo("/api/auth/step-up")));
        assertThat(open("/step-up").body()).contains("Код подтверждения отправлен на k***@frmr.test");

        HttpResponse<String> done = submit("/step-up", Map.of("code", "654321"), csrf(open("/step-up").body()));
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/profile/submitted");
        GATEWAY.verify(2, postRequestedFor(urlEqualTo(CHANGES)).withRequestBody(equalToJson("""
                {"kind":"ADD","entry":{"section":"ACCREDITATION","kind":"PERIODIC",
                 "protocolNumber":"П-17/2024","protocolDate":"2024-06-01","specialtyCode":"31.08.49"}}""")));
    }

    @Test
    void theCodeCanBeSentAgainAndTheChangeCancelled() throws Exception {
        submit("/profile/accreditation/new", accreditation("2024-06-01"),
                csrf(open("/profile/accreditation/new").body()));
        String csrf = csrf(open("/step-up").body());

        assertThat(submit("/step-up/resend", Map.of(), csrf).headers().firstValue("Location").orElseThrow())
                .endsWith("/step-up");
        assertThat(open("/step-up").body()).contains("Новый код отправлен.");
        GATEWAY.verify(2, postRequestedFor(urlEqualTo("/api/auth/step-up")));

        GATEWAY.stubFor(post(urlEqualTo("/api/auth/step-up")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "30").withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/too-many-requests\",\"status\":429}")));
        submit("/step-up/resend", Map.of(), csrf);
        assertThat(open("/step-up").body()).contains("Код отправлен меньше полминуты назад и ещё действует",
                "Код подтверждения отправлен на k***@frmr.test");

        HttpResponse<String> cancelled = submit("/step-up/cancel", Map.of(), csrf);
        assertThat(cancelled.headers().firstValue("Location").orElseThrow()).endsWith("/profile");
        assertThat(open("/step-up").headers().firstValue("Location").orElseThrow()).endsWith("/profile");
        GATEWAY.verify(0, postRequestedFor(urlEqualTo(CHANGES)));
    }

    @Test
    void aLockedStepUpSaysSo() throws Exception {
        submit("/profile/accreditation/new", accreditation("2024-06-01"),
                csrf(open("/profile/accreditation/new").body()));
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/step-up/verify")).willReturn(aResponse().withStatus(423)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/account-locked\",\"status\":423}")));

        HttpResponse<String> locked = submit("/step-up", Map.of("code", "123456"), csrf(open("/step-up").body()));
        assertThat(locked.statusCode()).isEqualTo(423);
        assertThat(locked.body()).contains("Слишком много неверных попыток", "временно заблокировано");
        GATEWAY.verify(0, postRequestedFor(urlEqualTo(CHANGES)));
    }

    @Test
    void aCorrectionIsPrefilledAndARefusedFieldComesBackNextToTheField() throws Exception {
        HttpResponse<String> form = open("/profile/accreditation/" + ENTRY_ID + "/edit");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Исправление записи: Аккредитация", "value=\"П-17/2024\"",
                "value=\"2024-06-01\"", "<option value=\"PERIODIC\" selected=\"selected\">",
                "action=\"/profile/accreditation/" + ENTRY_ID + "/edit\"");

        GATEWAY.stubFor(post(urlEqualTo(CHANGES)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/business-rule\",\"status\":422,\"errors\":[{"
                        + "\"field\":\"entry.protocolDate\",\"message\":\"overlaps another accreditation period "
                        + "in this specialty\"}]}")));
        submit("/profile/accreditation/" + ENTRY_ID + "/edit", accreditation("2024-06-02"), csrf(form.body()));
        HttpResponse<String> refused = submit("/step-up", Map.of("code", "654321"), csrf(open("/step-up").body()));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Исправление записи: Аккредитация", "href=\"#protocolDate\"",
                "<p class=\"error-text\" id=\"protocolDate-error\">Период этой аккредитации пересекается",
                "value=\"2024-06-02\"");

        // Fixed and sent again: the step-up of a moment ago still holds, so no new code.
        GATEWAY.stubFor(post(urlEqualTo(CHANGES)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"changeId\":\"c-2\"}")));
        HttpResponse<String> fixed = submit("/profile/accreditation/" + ENTRY_ID + "/edit",
                accreditation("2024-06-01"), csrf(refused.body()));
        assertThat(fixed.headers().firstValue("Location").orElseThrow()).endsWith("/profile/submitted");
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/auth/step-up")));
        GATEWAY.verify(postRequestedFor(urlEqualTo(CHANGES))
                .withHeader("Authorization", equalTo("Bearer " + STEP_UP_TOKEN))
                .withRequestBody(equalToJson("""
                        {"kind":"CORRECT","entryId":"%s","entry":{"section":"ACCREDITATION","kind":"PERIODIC",
                         "protocolNumber":"П-17/2024","protocolDate":"2024-06-01","specialtyCode":"31.08.49"}}"""
                        .formatted(ENTRY_ID))));
        assertThat(open("/profile/submitted").body()).contains("Исправление записи: Аккредитация");
    }

    @Test
    void aRemovalShowsTheEntryAndSendsItsIdAfterTheCode() throws Exception {
        HttpResponse<String> page = open("/profile/accreditation/" + ENTRY_ID + "/remove");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Удаление записи: Аккредитация", "Периодическая аккредитация", "П-17/2024",
                "01.06.2024", "01.06.2029", "Удалить запись");

        HttpResponse<String> confirm = submit("/profile/accreditation/" + ENTRY_ID + "/remove", Map.of(),
                csrf(page.body()));
        assertThat(confirm.headers().firstValue("Location").orElseThrow()).endsWith("/step-up");
        HttpResponse<String> done = submit("/step-up", Map.of("code", "654321"), csrf(open("/step-up").body()));
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/profile/submitted");
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(CHANGES))
                .withHeader("Authorization", equalTo("Bearer " + STEP_UP_TOKEN))
                .withRequestBody(equalToJson("{\"kind\":\"REMOVE\",\"entryId\":\"" + ENTRY_ID + "\"}")));
        assertThat(open("/profile/submitted").body()).contains("Удаление записи: Аккредитация", "П-17/2024");
    }

    @Test
    void anEntryWithAChangeAwaitingModerationIsNotChangedAgain() throws Exception {
        GATEWAY.stubFor(get(urlEqualTo("/api/registry/workers/" + WORKER_ID)).willReturn(okJson("""
                {"id":"%s","lastName":"Иванова","firstName":"Мария","accountStatus":"ACTIVE","pendingChanges":1,
                 "entries":{"%s":{"section":"ACCREDITATION","kind":"PERIODIC","protocolNumber":"П-17/2024",
                   "protocolDate":"2024-06-01","specialtyCode":"31.08.49","endDate":"2029-06-01"}},
                 "sections":{"ACCREDITATION":[{"entryId":"%s","status":"APPROVED"},
                   {"entryId":"%s","status":"PENDING","changeKind":"CORRECT"}]}}"""
                .formatted(WORKER_ID, ENTRY_ID, ENTRY_ID, ENTRY_ID))));

        HttpResponse<String> page = open("/profile/accreditation/" + ENTRY_ID + "/remove");
        assertThat(page.body()).contains("href=\"#change-form\"", "уже есть изменение на модерации")
                .doesNotContain("data-test=\"remove-submit\"");
        HttpResponse<String> refused = submit("/profile/accreditation/" + ENTRY_ID + "/edit",
                accreditation("2024-06-01"), csrf(page.body()));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("уже есть изменение на модерации");
        GATEWAY.verify(0, postRequestedFor(urlEqualTo("/api/auth/step-up")));
        GATEWAY.verify(0, postRequestedFor(urlEqualTo(CHANGES)));
    }

    @Test
    void anEntryOfAnotherSectionOrUnknownIdIsNotFound() throws Exception {
        assertThat(open("/profile/certificates/" + ENTRY_ID + "/edit").statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = open("/profile/accreditation/" + ENTRY_ID.replace('0', '1') + "/remove");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Страница не найдена");
        assertThat(open("/profile/pets/new").statusCode()).isEqualTo(404);
    }

    @Test
    void theContactsChangeGoesThroughTheSameStepUp() throws Exception {
        HttpResponse<String> page = open("/profile/contacts");
        assertThat(page.body()).contains("value=\"ivanova@frmr.test\"", "value=\"+79990000001\"");

        HttpResponse<String> bad = submit("/profile/contacts", Map.of("email", "ivanova", "mobile", "12345"),
                csrf(page.body()));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("href=\"#email\"", "href=\"#mobile\"", "Введите номер в формате +79991234567.");

        GATEWAY.stubFor(put(urlEqualTo("/api/registry/workers/" + WORKER_ID + "/contacts"))
                .willReturn(aResponse().withStatus(204)));
        submit("/profile/contacts", Map.of("email", "m.ivanova@frmr.test", "mobile", "8 (999) 000-00-02"),
                csrf(page.body()));
        HttpResponse<String> done = submit("/step-up", Map.of("code", "654321"), csrf(open("/step-up").body()));
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/profile/submitted");
        GATEWAY.verify(1, putRequestedFor(urlEqualTo("/api/registry/workers/" + WORKER_ID + "/contacts"))
                .withHeader("Authorization", equalTo("Bearer " + STEP_UP_TOKEN))
                .withRequestBody(equalToJson("{\"email\":\"m.ivanova@frmr.test\",\"mobile\":\"+79990000002\"}")));
        assertThat(open("/profile/submitted").body()).contains("Контактные данные сохранены");
    }

    private static void dictionary(String name, String code, String itemName) {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/dictionaries/" + name)).willReturn(okJson(
                "{\"name\":\"" + name + "\",\"version\":1,\"items\":[{\"code\":\"" + code + "\",\"name\":\""
                        + itemName + "\"}]}")));
    }

    private static Map<String, String> accreditation(String protocolDate) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", "PERIODIC");
        form.put("protocolNumber", "П-17/2024");
        form.put("protocolDate", protocolDate);
        form.put("specialtyCode", "31.08.49");
        return form;
    }
}
