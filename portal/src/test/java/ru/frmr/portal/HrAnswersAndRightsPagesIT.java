package ru.frmr.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static ru.frmr.portal.EmployerTestData.DISCREPANCY_ID;
import static ru.frmr.portal.EmployerTestData.EMPLOYMENT_ID;
import static ru.frmr.portal.EmployerTestData.ORG_A;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HR officer's discrepancies with due dates and answers, and the chief's page of HR rights. */
class HrAnswersAndRightsPagesIT extends PortalTestSupport {

    static final String ORG_API = "/api/employer/organizations/" + ORG_A;
    static final String ANSWER = ORG_API + "/discrepancies/" + DISCREPANCY_ID + "/answer";
    static final String MEMBER = "acc-petrov-1";
    static final String GRANTED_MEMBER = "acc-orlova-2";

    @BeforeEach
    void stubs() {
        EmployerTestData.stubDictionaries();
        GATEWAY.stubFor(get(urlPathEqualTo(ORG_API + "/discrepancies")).willReturn(okJson("""
                {"items":[{"discrepancyId":"%s","workerId":"%s","workerName":"Смирнова Ольга Ивановна",
                  "employmentId":"%s","field":"RATE","recordedValue":"0,75","correctValue":"1",
                  "comment":"Приказ № 5 о ставке 1","status":"OVERDUE","overdue":true,
                  "filedAt":"2026-02-19T08:00:00Z","dueDate":"2026-02-25","provisional":false}],
                 "page":0,"size":20,"total":1}""".formatted(DISCREPANCY_ID, WORKER_ID, EMPLOYMENT_ID))));
        GATEWAY.stubFor(get(urlPathEqualTo(ORG_API + "/hr-rights")).willReturn(okJson("""
                {"grants":[{"accountId":"%s","grantedAt":"2026-11-02T09:00:00Z","grantedBy":"acc-chief"}],
                 "history":[{"accountId":"%1$s","action":"GRANTED","at":"2026-11-02T09:00:00Z","by":"acc-chief"}]}"""
                .formatted(GRANTED_MEMBER))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/auth/organizations/" + ORG_A + "/members")).willReturn(okJson("""
                [{"accountId":"acc-chief","fullName":"Сидорова Анна Викторовна","chief":true,"admin":false,
                  "hrRight":false,"lastSeenAt":"2026-12-06T08:00:00Z"},
                 {"accountId":"%s","fullName":"Петров Пётр Сергеевич","chief":false,"admin":false,"hrRight":false,
                  "lastSeenAt":"2026-12-05T08:00:00Z"},
                 {"accountId":"%s","fullName":"Орлова Елена Дмитриевна","chief":false,"admin":false,"hrRight":true,
                  "lastSeenAt":"2026-12-04T08:00:00Z"}]""".formatted(MEMBER, GRANTED_MEMBER))));
    }

    @Test
    void discrepanciesShowTheDueDateTheOverdueMarkAndTakeAnAnswer() throws Exception {
        signInAsHrOf(ORG_A, "GRANTED");
        GATEWAY.stubFor(post(urlEqualTo(ANSWER)).willReturn(okJson("{\"status\":\"ANSWERED\"}")));

        HttpResponse<String> page = open("/hr/discrepancies?status=OVERDUE");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Смирнова Ольга Ивановна", "Ставка", "0,75", "Приказ № 5 о ставке 1",
                "19.02.2026 11:00 МСК", "25.02.2026", "data-test=\"overdue\"", "Просрочено",
                "<legend>Ответ</legend>", "Сведения исправлены", "aria-current=\"page\" data-test=\"tab-OVERDUE\"");
        assertThat(GATEWAY.findAll(getRequestedFor(urlPathEqualTo(ORG_API + "/discrepancies"))).get(0)
                .queryParameter("status").firstValue()).isEqualTo("OVERDUE");

        HttpResponse<String> answered = submit("/hr/discrepancies/" + DISCREPANCY_ID + "/answer", Map.of(
                "outcome", "CORRECTED", "explanation", " Ставка исправлена на 1 ", "status", "OVERDUE"),
                csrf(everyFormCarriesCsrf(page.body())));

        assertThat(answered.statusCode()).isEqualTo(302);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(ANSWER)).withRequestBody(equalToJson(
                "{\"outcome\":\"CORRECTED\",\"explanation\":\"Ставка исправлена на 1\"}")));
        assertThat(open("/hr/discrepancies?status=ANSWERED").body()).contains("Ответ отправлен работнику");
    }

    @Test
    void anAnswerTheServiceRefusesIsShownBesideItsField() throws Exception {
        signInAsHrOf(ORG_A, "GRANTED");
        GATEWAY.stubFor(post(urlEqualTo(ANSWER)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"https://frmr.ru/problems/validation","status":422,
                         "errors":[{"field":"explanation","message":"must be at most 1000 characters"}]}""")));
        String page = open("/hr/discrepancies").body();
        String id = "a-" + DISCREPANCY_ID;

        HttpResponse<String> refused = submit("/hr/discrepancies/" + DISCREPANCY_ID + "/answer", Map.of(
                "outcome", "EXPLAINED", "explanation", "Сведения верны"), csrf(everyFormCarriesCsrf(page)));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#" + id + "-explanation\"", "id=\"" + id + "-explanation-error\"",
                "Слишком длинное значение", "Сведения верны");

        HttpResponse<String> empty = submit("/hr/discrepancies/" + DISCREPANCY_ID + "/answer", Map.of(), csrf(everyFormCarriesCsrf(page)));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"" + id + "-outcome-error\"", "Напишите ответ работнику");
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(ANSWER)));
    }

    @Test
    void theChiefSeesMembersWithTheirRightsAndGrantsAndRevokes() throws Exception {
        signInAsHrOf(ORG_A, "CHIEF");
        GATEWAY.stubFor(put(urlEqualTo(ORG_API + "/hr-rights/" + MEMBER)).willReturn(aResponse().withStatus(204)));
        GATEWAY.stubFor(delete(urlEqualTo(ORG_API + "/hr-rights/" + GRANTED_MEMBER))
                .willReturn(aResponse().withStatus(204)));

        HttpResponse<String> page = open("/hr/rights");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Сидорова Анна Викторовна", "Руководитель (по ЕСИА)",
                "Петров Пётр Сергеевич", "Орлова Елена Дмитриевна", "Кадровик, выдано 02.11.2026",
                "02.11.2026 12:00 МСК: Орлова Елена Дмитриевна — право выдано (Сидорова Анна Викторовна)",
                "action=\"/hr/rights/" + MEMBER + "/grant\"", "action=\"/hr/rights/" + GRANTED_MEMBER + "/revoke\"")
                .doesNotContain("action=\"/hr/rights/acc-chief/");

        assertThat(submit("/hr/rights/" + MEMBER + "/grant", Map.of(), csrf(everyFormCarriesCsrf(page.body()))).statusCode())
                .isEqualTo(302);
        assertThat(open("/hr/rights").body()).contains("Право кадровика выдано");
        assertThat(submit("/hr/rights/" + GRANTED_MEMBER + "/revoke", Map.of(), csrf(everyFormCarriesCsrf(page.body()))).statusCode())
                .isEqualTo(302);
        GATEWAY.verify(1, putRequestedFor(urlEqualTo(ORG_API + "/hr-rights/" + MEMBER)));
        GATEWAY.verify(1, deleteRequestedFor(urlEqualTo(ORG_API + "/hr-rights/" + GRANTED_MEMBER)));
        assertThat(open("/hr/rights").body()).contains("Право кадровика отозвано");
    }

    @Test
    void anHrOfficerWhoIsNotTheChiefCannotOpenOrChangeRights() throws Exception {
        signInAsHrOf(ORG_A, "ADMIN");
        String cabinet = open("/hr").body();

        assertThat(open("/hr/rights").statusCode()).isEqualTo(403);
        assertThat(submit("/hr/rights/" + MEMBER + "/grant", Map.of(), csrf(everyFormCarriesCsrf(cabinet))).statusCode()).isEqualTo(403);
        assertThat(cabinet).doesNotContain("href=\"/hr/rights\"");
        GATEWAY.verify(0, anyRequestedFor(urlPathMatching(".*/hr-rights.*")));
        GATEWAY.verify(0, anyRequestedFor(urlPathMatching("/api/auth/organizations/.*")));
    }

    @Test
    void anHrOfficerWhoIsAlsoAWorkerSeesBothSidesInTheCabinet() throws Exception {
        signInAsHrOf(ORG_A, "CHIEF", "WORKER");
        GATEWAY.stubFor(get(urlEqualTo("/api/registry/workers/" + WORKER_ID)).willReturn(okJson(worker())));

        HttpResponse<String> cabinet = open("/cabinet");

        assertThat(cabinet.statusCode()).isEqualTo(200);
        assertThat(cabinet.body()).contains("data-test=\"employment-panel\"", "href=\"/employment\"",
                "data-test=\"hr-panel\"", "href=\"/hr\"", "href=\"/hr/link\"", "href=\"/hr/discrepancies\"",
                "href=\"/hr/rights\"");
    }
}
