package ru.frmr.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static ru.frmr.portal.EmployerTestData.DISCREPANCY_ID;
import static ru.frmr.portal.EmployerTestData.EMPLOYMENT_ID;
import static ru.frmr.portal.EmployerTestData.ORG_A;
import static ru.frmr.portal.EmployerTestData.REQUEST_ID;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker's employment page: history, link requests both ways, discrepancies with the answer's due date. */
class EmploymentPagesIT extends PortalTestSupport {

    static final String ACCEPT = "/api/employer/organizations/" + ORG_A + "/workers/" + WORKER_ID
            + "/link-requests/" + REQUEST_ID + "/accept";

    @BeforeEach
    void stubs() {
        EmployerTestData.stubDictionaries();
        GATEWAY.stubFor(get(urlPathEqualTo("/api/employer/me/employments")).willReturn(okJson(
                "{\"items\":[" + EmployerTestData.employment(ORG_A) + "],\"page\":0,\"size\":100,\"total\":1}")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/employer/me/link-requests")).willReturn(okJson("""
                {"items":[
                 {"requestId":"%s","organization":{"id":"%s","name":"ГБУЗ «Городская поликлиника № 1»"},
                  "workerId":"%s","initiatedBy":"EMPLOYER","status":"PENDING","requestedAt":"2026-12-01T09:00:00Z",
                  "expiresAt":"2026-12-15T09:00:00Z"},
                 {"requestId":"r-own","organization":{"id":"city-hospital-7","name":"ГБУЗ «ГКБ № 7»"},
                  "workerId":"%3$s","initiatedBy":"WORKER","status":"PENDING","requestedAt":"2026-12-02T09:00:00Z",
                  "expiresAt":"2026-12-16T09:00:00Z","contractNumber":"7/26","contractDate":"2026-11-30"}],
                 "page":0,"size":100,"total":2}""".formatted(REQUEST_ID, ORG_A, WORKER_ID))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/employer/me/discrepancies")).willReturn(okJson("""
                {"items":[
                 {"discrepancyId":"%s","organizationId":"%s","employmentId":"%s","field":"RATE","recordedValue":"0,75",
                  "correctValue":"1","status":"OVERDUE","overdue":true,"filedAt":"2026-02-19T08:00:00Z",
                  "dueDate":"2026-02-25","provisional":false},
                 {"discrepancyId":"d-2","organizationId":"%2$s","employmentId":"%3$s","field":"DEPARTMENT",
                  "recordedValue":"Терапевтическое отделение № 2","correctValue":"Терапевтическое отделение № 1",
                  "status":"ANSWERED","overdue":false,"filedAt":"2026-05-05T08:00:00Z","dueDate":"2026-05-08",
                  "provisional":false,"outcome":"EXPLAINED","explanation":"Перевод по приказу № 12 от 04.05.2026"}],
                 "page":0,"size":100,"total":2}""".formatted(DISCREPANCY_ID, ORG_A, EMPLOYMENT_ID))));
    }

    @Test
    void theWorkerSeesTheirEmploymentHistoryRequestsAndDiscrepancies() throws Exception {
        signInAs("WORKER");

        HttpResponse<String> page = open("/employment");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("ГБУЗ «Городская поликлиника № 1»", "Работает", "Врач-терапевт участковый",
                "Терапевтическое отделение № 2", "0,75", "Основное место работы", "№ ТД-15/2026 от 01.02.2026",
                "02.02.2026", "История изменений (2)", "Приём на работу", "Перевод", " с 04.05.2026",
                // the incoming request to answer; the worker's own one waits for the organisation
                "data-test=\"incoming-request\"", "ответить до 15.12.2026", "Принять", "Отклонить",
                "ГБУЗ «ГКБ № 7»: Ожидает ответа",
                // discrepancies: due date, overdue in words, the employer's answer
                "Ставка", "0,75 → 1", "25.02.2026", "Срок ответа истёк", "передано в надзорный орган",
                "Дано разъяснение: Перевод по приказу № 12 от 04.05.2026",
                "href=\"/employment/" + EMPLOYMENT_ID + "/discrepancy\"");
        assertThat(page.body()).doesNotContain("r-own/accept");
        assertThat(GATEWAY.findAll(getRequestedFor(urlPathEqualTo("/api/employer/me/employments"))).get(0)
                .getHeader("Authorization")).startsWith("Bearer ");
    }

    @Test
    void acceptingARequestAnswersItAtTheOrganisationsPathForTheWorkerThemself() throws Exception {
        signInAs("WORKER");
        GATEWAY.stubFor(post(urlEqualTo(ACCEPT)).willReturn(aResponse().withStatus(204)));
        String page = open("/employment").body();

        HttpResponse<String> accepted = submit("/employment/link-requests/" + ORG_A + "/" + REQUEST_ID + "/accept",
                Map.of(), csrf(everyFormCarriesCsrf(page)));

        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).endsWith("/employment");
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(ACCEPT)));
        assertThat(open("/employment").body()).contains("Запрос принят");

        GATEWAY.stubFor(post(urlPathMatching(".*/decline")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/conflict\",\"status\":409}")));
        submit("/employment/link-requests/" + ORG_A + "/" + REQUEST_ID + "/decline", Map.of(), csrf(everyFormCarriesCsrf(page)));
        assertThat(open("/employment").body()).contains("data-test=\"problem\"", "уже не ждёт ответа");
    }

    @Test
    void theWorkersOwnRequestGoesToTheChosenOrganisationWithTheContract() throws Exception {
        signInAs("WORKER");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/employer/organizations")).willReturn(okJson("""
                {"items":[{"id":"%s","name":"ГБУЗ «Городская поликлиника № 1»","ogrn":"1027700000001",
                  "regionCode":"77","regionName":"Москва"}],"page":0,"size":20,"total":1}""".formatted(ORG_A))));
        GATEWAY.stubFor(post(urlEqualTo("/api/employer/me/link-requests")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"requestId\":\"r-9\",\"status\":\"PENDING\"}")));

        HttpResponse<String> search = open("/employment/link?q=%D0%BF%D0%BE%D0%BB%D0%B8%D0%BA%D0%BB%D0%B8%D0%BD%D0%B8%D0%BA%D0%B0");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("ГБУЗ «Городская поликлиника № 1», ОГРН 1027700000001, Москва",
                "value=\"" + ORG_A + "\"", "<legend>Организация</legend>");
        assertThat(GATEWAY.findAll(getRequestedFor(urlPathEqualTo("/api/employer/organizations"))).get(0)
                .queryParameter("q").firstValue()).isEqualTo("поликлиника");

        HttpResponse<String> sent = submit("/employment/link", Map.of("q", "поликлиника", "organizationId", ORG_A,
                "contractNumber", " ТД-15/2026 ", "contractDate", "01.02.2026"), csrf(everyFormCarriesCsrf(search.body())));

        assertThat(sent.statusCode()).isEqualTo(302);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/employer/me/link-requests")).withRequestBody(equalToJson(
                "{\"organizationId\":\"" + ORG_A + "\",\"contractNumber\":\"ТД-15/2026\",\"contractDate\":\"2026-02-01\"}")));
        assertThat(open("/employment").body()).contains("Запрос отправлен в организацию");
    }

    @Test
    void aContractDateTheServiceRefusesIsShownBesideThatField() throws Exception {
        signInAs("WORKER");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/employer/organizations")).willReturn(okJson(
                "{\"items\":[{\"id\":\"" + ORG_A + "\",\"name\":\"ГП № 1\",\"ogrn\":\"1027700000001\"}],\"total\":1}")));
        GATEWAY.stubFor(post(urlEqualTo("/api/employer/me/link-requests")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"https://frmr.ru/problems/validation","status":422,"detail":"Invalid request",
                         "errors":[{"field":"contractDate","message":"must not be before 1991-01-01"}]}""")));
        String form = open("/employment/link?q=x").body();

        HttpResponse<String> refused = submit("/employment/link", Map.of("q", "x", "organizationId", ORG_A,
                "contractNumber", "1", "contractDate", "1990-01-01"), csrf(everyFormCarriesCsrf(form)));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("data-test=\"error-summary\"", "href=\"#contractDate\"",
                "id=\"contractDate-error\"", "Дата договора не может быть позже даты начала работы",
                "aria-describedby=\"contractDate-hint contractDate-error\"", "value=\"1990-01-01\"");

        HttpResponse<String> empty = submit("/employment/link", Map.of("q", "x"), csrf(everyFormCarriesCsrf(form)));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Найдите и выберите организацию", "Укажите номер трудового договора",
                "Введите дату договора в формате ДД.ММ.ГГГГ");
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/employer/me/link-requests")));
    }

    @Test
    void aDiscrepancyIsRaisedAgainstTheWorkersOwnEmploymentWithItsDueDate() throws Exception {
        signInAs("WORKER");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/employer/calendar/due-date")).willReturn(okJson("""
                {"from":"2026-02-19","workingDays":3,"countsAsFiledOn":"2026-02-19","dueDate":"2026-02-25",
                 "provisional":false,"calendarKnownUntil":"2027-12-31"}""")));
        GATEWAY.stubFor(post(urlEqualTo("/api/employer/me/discrepancies")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"discrepancyId":"d-3","status":"OPEN","filedAt":"2026-02-19T08:00:00Z",
                         "countsAsFiledOn":"2026-02-19","dueDate":"2026-02-25","provisional":false}""")));

        HttpResponse<String> form = open("/employment/" + EMPLOYMENT_ID + "/discrepancy");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("в течение 3 рабочих дней", "не позднее 25.02.2026",
                "<label for=\"field\">Какие сведения неверны</label>", "Врач-терапевт участковый");
        // Filed now, to the second: a filing after working hours counts from the next working day.
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/employer/calendar/due-date"))
                .withQueryParam("from", matching("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"))
                .withQueryParam("workingDays", equalTo("3")));

        HttpResponse<String> raised = submit("/employment/" + EMPLOYMENT_ID + "/discrepancy", Map.of(
                "field", "RATE", "recordedValue", "0,75", "correctValue", "1", "comment", ""), csrf(everyFormCarriesCsrf(form.body())));

        assertThat(raised.statusCode()).isEqualTo(302);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/employer/me/discrepancies")).withRequestBody(equalToJson(
                "{\"organizationId\":\"" + ORG_A + "\",\"employmentId\":\"" + EMPLOYMENT_ID
                        + "\",\"field\":\"RATE\",\"recordedValue\":\"0,75\",\"correctValue\":\"1\"}")));
        assertThat(open("/employment").body()).contains("Расхождение отправлено работодателю. Ответ — не позднее 25.02.2026.");
    }

    @Test
    void aDiscrepancyTheServiceRefusesNamesTheFieldAndAnotherEmploymentIsNotFound() throws Exception {
        signInAs("WORKER");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/employer/calendar/due-date")).willReturn(aResponse().withStatus(503)));
        GATEWAY.stubFor(post(urlEqualTo("/api/employer/me/discrepancies")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"https://frmr.ru/problems/validation","status":400,
                         "errors":[{"field":"correctValue","message":"must differ from the recorded value"}]}""")));
        String form = open("/employment/" + EMPLOYMENT_ID + "/discrepancy").body();
        assertThat(form).doesNotContain("data-test=\"due-date\"");

        HttpResponse<String> refused = submit("/employment/" + EMPLOYMENT_ID + "/discrepancy", Map.of(
                "field", "RATE", "recordedValue", "1", "correctValue", "1"), csrf(everyFormCarriesCsrf(form)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"correctValue-error\"", "href=\"#correctValue\"",
                "aria-describedby=\"correctValue-error\"");

        assertThat(open("/employment/not-mine-123/discrepancy").statusCode()).isEqualTo(404);
        assertThat(submit("/employment/not-mine-123/discrepancy", Map.of("field", "RATE", "recordedValue", "1",
                "correctValue", "2"), csrf(everyFormCarriesCsrf(form))).statusCode()).isEqualTo(404);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/employer/me/discrepancies")));
    }

    @Test
    void anHrOfficerWithoutARecordIsNotShownTheWorkersPage() throws Exception {
        signInAsHrOf(ORG_A, "GRANTED");

        HttpResponse<String> forbidden = open("/employment");

        assertThat(forbidden.statusCode()).isEqualTo(403);
        GATEWAY.verify(0, getRequestedFor(urlPathMatching("/api/employer/me/.*")));
    }
}
