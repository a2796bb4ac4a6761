package ru.frmr.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
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
import static ru.frmr.portal.EmployerTestData.ORG_A;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

/** The administrator's medical organisations (list, add, correct) and the supervisor's escalated discrepancies. */
class OrganizationAndSupervisionPagesIT extends PortalTestSupport {

    static final String CARD = """
            {"id":"%s","name":"ГБУЗ «Городская поликлиника № 1»","ogrn":"1027700000001","inn":"7701000001",
             "kpp":"770101001","frmoId":"1.2.643.5.1.13.13.12.2.77.7830","regionCode":"77","regionName":"Москва",
             "address":"г. Москва, ул. Примерная, д. 1","version":3}""".formatted(ORG_A);

    private static Map<String, String> card() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "ГБУЗ «Городская поликлиника № 1»");
        form.put("ogrn", "1027700000001");
        form.put("inn", "7701000001");
        form.put("kpp", "770101001");
        form.put("frmoId", "1.2.643.5.1.13.13.12.2.77.7830");
        form.put("regionCode", "77");
        form.put("address", "г. Москва, ул. Примерная, д. 1");
        return form;
    }

    @Test
    void theAdministratorSearchesAndAddsAnOrganisation() throws Exception {
        signInAs("REGISTRY_ADMIN");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/employer/organizations")).willReturn(okJson(
                "{\"items\":[" + CARD + "],\"page\":0,\"size\":20,\"total\":1}")));
        GATEWAY.stubFor(post(urlEqualTo("/api/employer/organizations")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(CARD)));

        HttpResponse<String> list = open("/admin/organizations?q=%D0%93%D0%91%D0%A3%D0%97&regionCode=77");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("ГБУЗ «Городская поликлиника № 1»", "1027700000001",
                "7701000001 / 770101001", "Москва", "href=\"/admin/organizations/" + ORG_A + "/edit\"");
        LoggedRequest asked = GATEWAY.findAll(getRequestedFor(urlPathEqualTo("/api/employer/organizations"))).get(0);
        assertThat(asked.queryParameter("q").firstValue()).isEqualTo("ГБУЗ");
        assertThat(asked.queryParameter("regionCode").firstValue()).isEqualTo("77");

        String form = open("/admin/organizations/new").body();
        assertThat(form).contains("<label for=\"ogrn\">ОГРН</label>", "<label for=\"regionCode\">Регион</label>");
        assertThat(form.split("<select ", -1)).hasSize(2);
        HttpResponse<String> added = submit("/admin/organizations/new", card(), csrf(everyFormCarriesCsrf(form)));

        assertThat(added.statusCode()).isEqualTo(302);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/employer/organizations")).withRequestBody(equalToJson("""
                {"name":"ГБУЗ «Городская поликлиника № 1»","ogrn":"1027700000001","inn":"7701000001",
                 "kpp":"770101001","frmoId":"1.2.643.5.1.13.13.12.2.77.7830","regionCode":"77",
                 "address":"г. Москва, ул. Примерная, д. 1"}""")));
        assertThat(open(added.headers().firstValue("Location").orElseThrow()).body())
                .contains("Организация добавлена: ГБУЗ «Городская поликлиника № 1»");
    }

    @Test
    void aCorrectionCarriesTheVersionAndABadChecksumIsShownBesideTheOgrn() throws Exception {
        signInAs("REGISTRY_ADMIN");
        GATEWAY.stubFor(get(urlEqualTo("/api/employer/organizations/" + ORG_A)).willReturn(okJson(CARD)));
        GATEWAY.stubFor(put(urlEqualTo("/api/employer/organizations/" + ORG_A)).willReturn(aResponse()
                .withStatus(422).withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"https://frmr.ru/problems/validation","status":422,
                         "errors":[{"field":"ogrn","message":"checksum does not match"}]}""")));

        HttpResponse<String> form = open("/admin/organizations/" + ORG_A + "/edit");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"1027700000001\"", "name=\"version\" value=\"3\"",
                "г. Москва, ул. Примерная, д. 1");

        Map<String, String> changed = card();
        changed.put("ogrn", "1027700000002");
        changed.put("version", "3");
        HttpResponse<String> refused = submit("/admin/organizations/" + ORG_A + "/edit", changed, csrf(everyFormCarriesCsrf(form.body())));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#ogrn\"", "id=\"ogrn-error\"",
                "Контрольное число не сходится", "aria-describedby=\"ogrn-error\"", "value=\"1027700000002\"");
        GATEWAY.verify(1, putRequestedFor(urlEqualTo("/api/employer/organizations/" + ORG_A)).withRequestBody(
                equalToJson("{\"ogrn\":\"1027700000002\",\"version\":3}", true, true)));

        changed.put("inn", "77");
        changed.put("kpp", "7701");
        HttpResponse<String> malformed = submit("/admin/organizations/" + ORG_A + "/edit", changed, csrf(everyFormCarriesCsrf(form.body())));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("id=\"inn-error\"", "id=\"kpp-error\"");
        GATEWAY.verify(1, putRequestedFor(urlEqualTo("/api/employer/organizations/" + ORG_A)));
    }

    @Test
    void theSupervisorSeesTheEscalatedQueue() throws Exception {
        signInAs("SUPERVISOR");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/employer/supervision/discrepancies")).willReturn(okJson("""
                {"items":[{"discrepancyId":"%s","organizationId":"%s","organizationName":"ГБУЗ «Городская поликлиника № 1»",
                  "workerId":"%s","workerName":"Иванова Мария Петровна","field":"RATE","recordedValue":"0,75",
                  "correctValue":"1","status":"OVERDUE","filedAt":"2026-02-19T08:00:00Z","dueDate":"2026-02-25",
                  "overdueAt":"2026-02-25T21:00:00Z"}],"page":0,"size":20,"total":1}"""
                .formatted(DISCREPANCY_ID, ORG_A, WORKER_ID))));

        HttpResponse<String> queue = open("/supervision/discrepancies");

        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("Просроченных расхождений: 1", "ГБУЗ «Городская поликлиника № 1»",
                "Иванова Мария Петровна", "Ставка: 0,75 → 1", "19.02.2026", "25.02.2026", "26.02.2026 00:00 МСК",
                "Срок ответа истёк", "href=\"/supervision/workers/" + WORKER_ID + "\"");
    }

    @Test
    void neitherAWorkerNorAnHrOfficerOpensTheseAndAnAdministratorNotTheSupervisorsQueue() throws Exception {
        signInAsHrOf(ORG_A, "CHIEF", "WORKER");
        for (String path : new String[] {"/admin/organizations", "/admin/organizations/new",
                "/admin/organizations/" + ORG_A + "/edit", "/supervision/discrepancies"}) {
            assertThat(open(path).statusCode()).as(path).isEqualTo(403);
        }
        newBrowser();
        signInAs("REGISTRY_ADMIN");
        assertThat(open("/supervision/discrepancies").statusCode()).isEqualTo(403);
        GATEWAY.verify(0, anyRequestedFor(urlPathMatching("/api/employer/.*")));
    }
}
