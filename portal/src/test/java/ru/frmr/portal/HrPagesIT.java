package ru.frmr.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
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
import static ru.frmr.portal.EmployerTestData.EMPLOYMENT_ID;
import static ru.frmr.portal.EmployerTestData.ORG_A;
import static ru.frmr.portal.EmployerTestData.ORG_B;
import static ru.frmr.portal.EmployerTestData.REQUEST_ID;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HR officer's staff list, CSV, one worker's employment forms, the lookup and the link requests. */
class HrPagesIT extends PortalTestSupport {

    static final String ORG_API = "/api/employer/organizations/" + ORG_A;
    static final String EMPLOYMENTS = ORG_API + "/workers/" + WORKER_ID + "/employments";
    static final String SNILS = "112-233-445 95";

    @BeforeEach
    void stubs() {
        EmployerTestData.stubDictionaries();
        GATEWAY.stubFor(get(urlPathEqualTo(ORG_API + "/staff")).willReturn(okJson("""
                {"items":[{"workerId":"%s","workerName":"Иванова Мария Петровна","employmentId":"%s",
                  "positionCode":"THERAPIST","positionName":"Врач-терапевт","department":"Терапевтическое отделение",
                  "rate":1.0,"contractKind":"MAIN","startDate":"2026-02-02","endDate":null,"status":"ACTIVE"}],
                 "page":0,"size":20,"total":41}""".formatted(WORKER_ID, EMPLOYMENT_ID))));
        GATEWAY.stubFor(get(urlPathEqualTo(EMPLOYMENTS)).willReturn(okJson(
                "{\"items\":[" + EmployerTestData.employment(ORG_A) + "]}")));
    }

    @Test
    void theStaffListPassesOnlyTheFiltersSetAndPages() throws Exception {
        signInAsHrOf(ORG_A, "GRANTED");

        HttpResponse<String> page = open("/hr?department=%D0%A2%D0%B5%D1%80&status=ACTIVE&positionCode=&page=1");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Найдено: 41", "Иванова Мария Петровна", "Врач-терапевт",
                "Терапевтическое отделение", "Основное место работы", "02.02.2026 — по настоящее время", "Работает",
                "href=\"/hr/staff/" + WORKER_ID + "\"", "Страница 2 из 3", "Скачать CSV",
                "href=\"/hr/staff.csv?department=%D0%A2%D0%B5%D1%80&amp;status=ACTIVE\"");
        LoggedRequest asked = GATEWAY.findAll(getRequestedFor(urlPathEqualTo(ORG_API + "/staff"))).get(0);
        assertThat(asked.queryParameter("department").firstValue()).isEqualTo("Тер");
        assertThat(asked.queryParameter("status").firstValue()).isEqualTo("ACTIVE");
        assertThat(asked.queryParameter("positionCode").isPresent()).isFalse();
        assertThat(asked.queryParameter("page").firstValue()).isEqualTo("1");
        assertThat(Integer.parseInt(asked.queryParameter("size").firstValue())).isLessThanOrEqualTo(100);
    }

    @Test
    void theCsvIsPassedThroughThePortalAsADownload() throws Exception {
        signInAsHrOf(ORG_A, "ADMIN");
        byte[] csv = ("\uFEFFФИО;Должность\r\nИванова Мария Петровна;Врач-терапевт\r\n")
                .getBytes(StandardCharsets.UTF_8);
        GATEWAY.stubFor(get(urlPathEqualTo(ORG_API + "/staff.csv")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/csv; charset=UTF-8").withBody(csv)));

        HttpResponse<byte[]> file = browser.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/hr/staff.csv?status=DISMISSED")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(csv);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        LoggedRequest asked = GATEWAY.findAll(getRequestedFor(urlPathEqualTo(ORG_API + "/staff.csv"))).get(0);
        assertThat(asked.queryParameter("status").firstValue()).isEqualTo("DISMISSED");
        assertThat(asked.getHeader("Accept")).contains("text/csv");
        assertThat(asked.getHeader("Authorization")).startsWith("Bearer ");
    }

    @Test
    void theWorkersPageShowsTheEmploymentsAndTheHireIsSent() throws Exception {
        signInAsHrOf(ORG_A, "GRANTED");
        GATEWAY.stubFor(post(urlEqualTo(EMPLOYMENTS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"employmentId\":\"e-2\",\"version\":1}")));

        HttpResponse<String> page = open("/hr/staff/" + WORKER_ID);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Иванова Мария Петровна", "Врач-терапевт участковый", "0,75",
                "История изменений (2)", "Перевод или изменение условий", "Увольнение", "По собственному желанию",
                "Приём на работу", "<label for=\"hire-positionCode\">Должность</label>",
                "<label for=\"d-" + EMPLOYMENT_ID + "-endDate\">Дата увольнения</label>");
        // Each select is the one its label names: change (4), dismissal (1) and hire (3), no other.
        assertThat(page.body().split("<select ", -1)).hasSize(9);

        HttpResponse<String> hired = submit("/hr/staff/" + WORKER_ID + "/hire", Map.of("positionCode", "THERAPIST",
                "department", "Приёмное отделение", "rate", "0,5", "contractKind", "EXTERNAL_PART_TIME",
                "contractNumber", "ТД-20/2026", "contractDate", "10.03.2026", "startDate", "2026-03-11"),
                csrf(everyFormCarriesCsrf(page.body())));

        assertThat(hired.statusCode()).isEqualTo(302);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(EMPLOYMENTS)).withRequestBody(equalToJson("""
                {"positionCode":"THERAPIST","department":"Приёмное отделение","rate":0.5,
                 "contractKind":"EXTERNAL_PART_TIME","contractNumber":"ТД-20/2026","contractDate":"2026-03-10",
                 "startDate":"2026-03-11"}""")));
        assertThat(open("/hr/staff/" + WORKER_ID).body()).contains("Сотрудник принят на работу");
    }

    @Test
    void beforeTheHireTheWorkersNameComesFromTheAcceptedRequestAndTheHireFormIsOpen() throws Exception {
        signInAsHrOf(ORG_A, "GRANTED");
        GATEWAY.stubFor(get(urlPathEqualTo(EMPLOYMENTS)).willReturn(okJson("{\"items\":[]}")));
        GATEWAY.stubFor(get(urlPathEqualTo(ORG_API + "/link-requests")).willReturn(okJson("""
                {"items":[{"requestId":"r-1","workerId":"%s","workerName":"Смирнова Ольга Ивановна",
                  "initiatedBy":"EMPLOYER","status":"ACCEPTED"}],"page":0,"size":100,"total":1}""".formatted(WORKER_ID))));

        HttpResponse<String> page = open("/hr/staff/" + WORKER_ID);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1 data-test=\"worker-name\">Смирнова Ольга Ивановна</h1>",
                "data-test=\"no-employments\"").containsPattern("<details (open=\"open\" data-test=\"hire-details\"|data-test=\"hire-details\" open=\"open\")>");
        assertThat(GATEWAY.findAll(getRequestedFor(urlPathEqualTo(ORG_API + "/link-requests"))).get(0)
                .queryParameter("status").firstValue()).isEqualTo("ACCEPTED");
    }

    @Test
    void aSecondActiveHireTheServiceRefusesIsShownBesideThePosition() throws Exception {
        signInAsHrOf(ORG_A, "GRANTED");
        GATEWAY.stubFor(post(urlEqualTo(EMPLOYMENTS)).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"https://frmr.ru/problems/conflict","status":409,"detail":"Conflict",
                         "errors":[{"field":"positionCode","message":"an active employment on this position and contract kind exists"}]}""")));
        String page = open("/hr/staff/" + WORKER_ID).body();

        HttpResponse<String> refused = submit("/hr/staff/" + WORKER_ID + "/hire", Map.of("positionCode",
                "DISTRICT_THERAPIST", "department", "Т", "rate", "1", "contractKind", "MAIN", "contractNumber", "1",
                "contractDate", "2026-03-10", "startDate", "2026-03-11"), csrf(everyFormCarriesCsrf(page)));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("data-test=\"error-summary\"", "href=\"#hire-positionCode\"",
                "id=\"hire-positionCode-error\"", "уже есть действующее трудоустройство на этой должности",
                "aria-describedby=\"hire-positionCode-error\"")
                .containsPattern("<details (open=\"open\" data-test=\"hire-details\"|data-test=\"hire-details\" open=\"open\")>");

        HttpResponse<String> reversed = submit("/hr/staff/" + WORKER_ID + "/hire", Map.of("positionCode",
                "THERAPIST", "department", "Т", "rate", "2", "contractKind", "MAIN", "contractNumber", "1",
                "contractDate", "2026-03-12", "startDate", "2026-03-11"), csrf(everyFormCarriesCsrf(page)));
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("id=\"hire-rate-error\"", "Ставка — от 0,25 до 1,5 с шагом 0,25",
                "id=\"hire-contractDate-error\"", "Дата договора не может быть позже даты начала работы");
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(EMPLOYMENTS)));
    }

    @Test
    void aChangeAndADismissalGoToTheirEmployment() throws Exception {
        signInAsHrOf(ORG_A, "GRANTED");
        String changes = EMPLOYMENTS + "/" + EMPLOYMENT_ID + "/changes";
        String dismissal = EMPLOYMENTS + "/" + EMPLOYMENT_ID + "/dismissal";
        GATEWAY.stubFor(post(urlEqualTo(changes)).willReturn(okJson("{\"version\":3}")));
        GATEWAY.stubFor(post(urlEqualTo(dismissal)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"https://frmr.ru/problems/validation","status":422,
                         "errors":[{"field":"endDate","message":"must not be before the start date"}]}""")));
        String page = open("/hr/staff/" + WORKER_ID).body();

        assertThat(submit("/hr/staff/" + WORKER_ID + "/employments/" + EMPLOYMENT_ID + "/changes", Map.of("kind",
                "RATE_CHANGE", "positionCode", "DISTRICT_THERAPIST", "department", "Терапевтическое отделение № 2",
                "rate", "1", "contractKind", "MAIN", "effectiveDate", "2026-09-01"), csrf(everyFormCarriesCsrf(page))).statusCode())
                .isEqualTo(302);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(changes)).withRequestBody(equalToJson("""
                {"kind":"RATE_CHANGE","positionCode":"DISTRICT_THERAPIST","department":"Терапевтическое отделение № 2",
                 "rate":1,"contractKind":"MAIN","effectiveDate":"2026-09-01"}""")));

        HttpResponse<String> refused = submit("/hr/staff/" + WORKER_ID + "/employments/" + EMPLOYMENT_ID
                + "/dismissal", Map.of("endDate", "2026-01-01", "reasonCode", "OWN_WISH"), csrf(everyFormCarriesCsrf(page)));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"d-" + EMPLOYMENT_ID + "-endDate-error\"",
                "Дата увольнения не может быть раньше даты начала работы");
        GATEWAY.verify(postRequestedFor(urlEqualTo(dismissal)).withRequestBody(equalToJson(
                "{\"endDate\":\"2026-01-01\",\"reasonCode\":\"OWN_WISH\"}")));
    }

    @Test
    void theLookupShowsTheNameAndTheRequestGoesWithoutTheSnilsEverShownAgain() throws Exception {
        signInAsHrOf(ORG_A, "CHIEF");
        GATEWAY.stubFor(post(urlEqualTo("/api/registry/workers/lookup")).willReturn(okJson(
                "{\"workerId\":\"" + WORKER_ID + "\",\"fullName\":\"Иванова Мария Петровна\"}")));
        GATEWAY.stubFor(post(urlEqualTo(ORG_API + "/link-requests")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"requestId":"%s","organizationId":"%s","workerId":"%s","initiatedBy":"EMPLOYER",
                         "status":"PENDING"}""".formatted(REQUEST_ID, ORG_A, WORKER_ID))));
        String form = open("/hr/link").body();
        assertThat(form).contains("<label for=\"snils\">СНИЛС</label>", "<label for=\"birthDate\">Дата рождения</label>");

        HttpResponse<String> found = submit("/hr/link", Map.of("snils", "11223344595", "birthDate", "12.04.1985"),
                csrf(everyFormCarriesCsrf(form)));

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("Работник найден", "Иванова Мария Петровна", "Отправить запрос")
                .doesNotContain("11223344595", SNILS, "445 95", "12.04.1985", "1985-04-12");
        GATEWAY.verify(postRequestedFor(urlEqualTo("/api/registry/workers/lookup")).withRequestBody(equalToJson(
                "{\"snils\":\"" + SNILS + "\",\"birthDate\":\"1985-04-12\"}")));

        HttpResponse<String> sent = submit("/hr/link/request", Map.of(), csrf(everyFormCarriesCsrf(found.body())));

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/hr/link-requests?tab=sent")
                .doesNotContain("112");
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(ORG_API + "/link-requests"))
                .withRequestBody(equalToJson("{\"workerId\":\"" + WORKER_ID + "\"}")));
        // Once sent, the found worker is forgotten: a second request needs a new lookup.
        assertThat(submit("/hr/link/request", Map.of(), csrf(everyFormCarriesCsrf(found.body()))).headers().firstValue("Location")
                .orElseThrow()).endsWith("/hr/link");
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(ORG_API + "/link-requests")));
    }

    @Test
    void aLookupWithoutAMatchEchoesNeitherValueAndABadSnilsIsShownBesideItsField() throws Exception {
        signInAsHrOf(ORG_A, "GRANTED");
        GATEWAY.stubFor(post(urlEqualTo("/api/registry/workers/lookup")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/not-found\",\"status\":404,\"detail\":\"No match.\"}")));
        String form = open("/hr/link").body();

        HttpResponse<String> none = submit("/hr/link", Map.of("snils", SNILS, "birthDate", "1985-04-12"), csrf(everyFormCarriesCsrf(form)));

        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains("data-test=\"not-found\"", "не найден")
                .doesNotContain("445 95", "11223344595", "1985-04-12", "12.04.1985");

        GATEWAY.stubFor(post(urlEqualTo("/api/registry/workers/lookup")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"https://frmr.ru/problems/validation","status":400,
                         "errors":[{"field":"snils","message":"checksum does not match"}]}""")));
        HttpResponse<String> bad = submit("/hr/link", Map.of("snils", "112-233-445 96", "birthDate", "1985-04-12"),
                csrf(everyFormCarriesCsrf(form)));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"snils-error\"", "href=\"#snils\"", "Контрольное число не сходится",
                "aria-describedby=\"snils-hint snils-error\"").doesNotContain("445 96", "11223344596");

        HttpResponse<String> malformed = submit("/hr/link", Map.of("snils", "12-3", "birthDate", "вчера"), csrf(everyFormCarriesCsrf(form)));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("id=\"snils-error\"", "id=\"birthDate-error\"");
        GATEWAY.verify(2, postRequestedFor(urlEqualTo("/api/registry/workers/lookup")));
        assertThat(GATEWAY.findAll(anyRequestedFor(urlPathMatching(".*"))))
                .allSatisfy(request -> assertThat(request.getUrl()).doesNotContain("112", "445"));
    }

    @Test
    void linkRequestsAreListedByStatusAndAWorkersOwnRequestIsAccepted() throws Exception {
        signInAsHrOf(ORG_A, "GRANTED");
        GATEWAY.stubFor(get(urlPathEqualTo(ORG_API + "/link-requests")).withQueryParam("initiatedBy",
                equalTo("EMPLOYER")).willReturn(okJson("""
                {"items":[
                 {"requestId":"r-sent","workerId":"%1$s","workerName":"Петров Пётр Сергеевич","initiatedBy":"EMPLOYER",
                  "status":"PENDING","requestedAt":"2026-12-01T09:00:00Z","expiresAt":"2026-12-15T09:00:00Z"}],
                 "page":0,"size":20,"total":1}""".formatted(WORKER_ID))));
        GATEWAY.stubFor(get(urlPathEqualTo(ORG_API + "/link-requests")).withQueryParam("initiatedBy",
                equalTo("WORKER")).willReturn(okJson("""
                {"items":[
                 {"requestId":"%2$s","workerId":"%1$s","workerName":"Смирнова Ольга Ивановна","initiatedBy":"WORKER",
                  "status":"PENDING","requestedAt":"2026-12-02T09:00:00Z","expiresAt":"2026-12-16T09:00:00Z",
                  "contractNumber":"ТД-15/2026","contractDate":"2026-02-01"}],
                 "page":0,"size":20,"total":1}""".formatted(WORKER_ID, REQUEST_ID))));
        GATEWAY.stubFor(get(urlPathEqualTo(ORG_API + "/link-requests")).withQueryParam("status", equalTo("EXPIRED"))
                .willReturn(okJson("{\"items\":[],\"page\":2,\"size\":20,\"total\":0}")));
        String accept = ORG_API + "/workers/" + WORKER_ID + "/link-requests/" + REQUEST_ID + "/accept";
        GATEWAY.stubFor(post(urlEqualTo(accept)).willReturn(aResponse().withStatus(204)));

        HttpResponse<String> sent = open("/hr/link-requests?tab=sent");
        assertThat(sent.body()).contains("Петров Пётр Сергеевич", "15.12.2026", "Ожидает ответа")
                .doesNotContain("Смирнова Ольга Ивановна", "data-test=\"accept-request\"");
        HttpResponse<String> incoming = open("/hr/link-requests?tab=incoming");
        assertThat(incoming.body()).contains("Смирнова Ольга Ивановна", "№ ТД-15/2026 от 01.02.2026", "Работник",
                "data-test=\"accept-request\"").doesNotContain("Петров Пётр Сергеевич");
        assertThat(GATEWAY.findAll(getRequestedFor(urlPathEqualTo(ORG_API + "/link-requests"))))
                .allSatisfy(r -> assertThat(r.queryParameter("status").firstValue()).isEqualTo("PENDING"))
                .extracting(r -> r.queryParameter("initiatedBy").firstValue())
                .containsExactlyInAnyOrder("EMPLOYER", "WORKER");

        HttpResponse<String> accepted = submit("/hr/link-requests/" + WORKER_ID + "/" + REQUEST_ID + "/accept",
                Map.of(), csrf(everyFormCarriesCsrf(incoming.body())));
        assertThat(accepted.statusCode()).isEqualTo(302);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(accept)));

        open("/hr/link-requests?tab=expired&page=2");
        LoggedRequest expired = GATEWAY.findAll(getRequestedFor(urlPathEqualTo(ORG_API + "/link-requests"))).stream()
                .filter(r -> "EXPIRED".equals(r.queryParameter("status").firstValue())).findFirst().orElseThrow();
        assertThat(expired.queryParameter("page").firstValue()).isEqualTo("2");
    }

    @Test
    void aWorkerCannotOpenTheHrPages() throws Exception {
        signInAs("WORKER");
        for (String path : new String[] {"/hr", "/hr/staff.csv", "/hr/link", "/hr/link-requests",
                "/hr/staff/" + WORKER_ID, "/hr/discrepancies", "/hr/rights"}) {
            assertThat(open(path).statusCode()).as(path).isEqualTo(403);
        }
        String page = open("/cabinet").body();
        assertThat(submit("/hr/link", Map.of("snils", SNILS, "birthDate", "1985-04-12"), null).statusCode())
                .isIn(302, 403);
        GATEWAY.verify(0, anyRequestedFor(urlPathMatching("/api/employer/organizations/.*")));
        GATEWAY.verify(0, postRequestedFor(urlEqualTo("/api/registry/workers/lookup")));
        assertThat(page).doesNotContain("href=\"/hr\"");
    }

    @Test
    void anHrOfficerOfOneOrganisationNeverCallsAnothersApi() throws Exception {
        signInAsHrOf(ORG_A, "CHIEF");
        GATEWAY.stubFor(get(urlPathEqualTo(ORG_API + "/link-requests")).willReturn(okJson("{\"items\":[],\"total\":0}")));
        GATEWAY.stubFor(get(urlPathEqualTo(ORG_API + "/discrepancies")).willReturn(okJson("{\"items\":[],\"total\":0}")));
        GATEWAY.stubFor(get(urlPathEqualTo(ORG_API + "/hr-rights")).willReturn(okJson("{\"grants\":[],\"history\":[]}")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/auth/organizations/" + ORG_A + "/members")).willReturn(okJson("[]")));
        for (String path : new String[] {"/hr?orgId=" + ORG_B, "/hr/staff/" + WORKER_ID + "?organizationId=" + ORG_B,
                "/hr/link-requests?tab=incoming&org=" + ORG_B, "/hr/discrepancies?orgId=" + ORG_B,
                "/hr/rights?orgId=" + ORG_B}) {
            assertThat(open(path).statusCode()).as(path).isEqualTo(200);
        }
        String page = open("/hr/staff/" + WORKER_ID).body();
        submit("/hr/staff/" + WORKER_ID + "/hire", Map.of("organizationId", ORG_B, "positionCode", "THERAPIST",
                "department", "Т", "rate", "1", "contractKind", "MAIN", "contractNumber", "1",
                "contractDate", "2026-03-10", "startDate", "2026-03-11"), csrf(everyFormCarriesCsrf(page)));

        assertThat(GATEWAY.findAll(anyRequestedFor(urlPathMatching("/api/(employer|auth)/organizations/.*"))))
                .isNotEmpty()
                .allSatisfy(request -> assertThat(request.getUrl()).startsWith(
                        request.getUrl().startsWith("/api/auth") ? "/api/auth/organizations/" + ORG_A + "/"
                                : ORG_API + "/").doesNotContain(ORG_B));
        GATEWAY.verify(0, anyRequestedFor(urlPathMatching(".*" + ORG_B + ".*")));
    }
}
