package ru.frmr.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static ru.frmr.portal.EmployerTestData.ORG_A;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Scans where the flows need them: the contract with a worker's link request (LINK_REQUEST for that organisation),
 * the scans of a change in the administrator's moderation queue, the contract in HR's list of link requests, and
 * the download of one through the portal with the person's own token, passed on as an attachment never sniffed.
 */
class AttachmentPagesIT extends PortalTestSupport {

    private static final String DOCUMENT_ID = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
    private static final String REQUEST_ID = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";
    private static final String CHANGE_ID = "0b7e4c2a-1d3f-4e5a-8b9c-0d1e2f3a4b5c";
    private static final byte[] PDF = "%PDF-1.7\n%scan\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final String ATTACHMENTS = """
            "attachments":[{"documentId":"%s","mediaType":"application/pdf","sizeBytes":358400,
             "sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
             "attachedAt":"2026-12-06T08:05:00Z"}]""".formatted(DOCUMENT_ID);

    private void stubLinkForm() {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/employer/organizations")).willReturn(okJson("""
                {"items":[{"id":"%s","name":"ГБУЗ «Городская поликлиника № 1»","ogrn":"1027700000001",
                  "regionCode":"77","regionName":"Москва"}],"page":0,"size":20,"total":1}""".formatted(ORG_A))));
        GATEWAY.stubFor(post(urlEqualTo("/api/employer/me/link-requests")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"requestId\":\"" + REQUEST_ID + "\",\"status\":\"PENDING\"}")));
        GATEWAY.stubFor(post(urlEqualTo("/api/documents/files")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"documentId":"%s","mediaType":"application/pdf","sizeBytes":358400,"sha256":"ab"}"""
                        .formatted(DOCUMENT_ID))));
        GATEWAY.stubFor(post(urlEqualTo("/api/documents/files/" + DOCUMENT_ID + "/attachments"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{}")));
        for (String list : new String[] {"employments", "link-requests", "discrepancies"}) {
            GATEWAY.stubFor(get(urlPathEqualTo("/api/employer/me/" + list)).willReturn(okJson(
                    "{\"items\":[],\"page\":0,\"size\":100,\"total\":0}")));
        }
    }

    private static Map<String, String> linkForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("q", "поликлиника");
        form.put("organizationId", ORG_A);
        form.put("contractNumber", "ТД-15/2026");
        form.put("contractDate", "01.02.2026");
        return form;
    }

    @Test
    void theWorkersLinkRequestCarriesTheContractsScanForThatOrganisation() throws Exception {
        signInAs("WORKER");
        stubLinkForm();
        String page = everyFormCarriesCsrf(open("/employment/link?q=x").body());
        assertThat(page).contains("enctype=\"multipart/form-data\"", "Скан трудового договора (необязательно)",
                "PDF, JPEG или PNG", "не больше 5 МБ");

        HttpResponse<String> sent = submitWithFile("/employment/link", linkForm(), "договор.pdf", "application/pdf",
                PDF, csrf(page));

        assertThat(sent.statusCode()).isEqualTo(302);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/documents/files"))
                .withRequestBodyPart(aMultipart().withName("file").withBody(binaryEqualTo(PDF)).build()));
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/employer/me/link-requests")).withRequestBody(equalToJson(
                "{\"organizationId\":\"" + ORG_A + "\",\"contractNumber\":\"ТД-15/2026\",\"contractDate\":\"2026-02-01\"}")));
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/documents/files/" + DOCUMENT_ID + "/attachments"))
                .withRequestBody(equalToJson("{\"purpose\":\"LINK_REQUEST\",\"targetId\":\"" + REQUEST_ID
                        + "\",\"organizationId\":\"" + ORG_A + "\"}")));
        assertThat(open("/employment").body()).contains("Запрос отправлен в организацию вместе со сканом договора "
                + "(договор.pdf, PDF, 350 КБ)");
    }

    @Test
    void aContractScanDocumentsRefusesKeepsTheFormAndSendsNoRequest() throws Exception {
        signInAs("WORKER");
        stubLinkForm();
        GATEWAY.stubFor(post(urlEqualTo("/api/documents/files")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/upload-encrypted-pdf\",\"status\":422}")));

        HttpResponse<String> refused = submitWithFile("/employment/link", linkForm(), "договор.pdf",
                "application/pdf", PDF, csrf(open("/employment/link?q=x").body()));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"file-error\"", "PDF защищён паролем.", "value=\"ТД-15/2026\"");
        GATEWAY.verify(0, postRequestedFor(urlEqualTo("/api/employer/me/link-requests")));
    }

    @Test
    void aContractScanThatCannotBeAttachedLeavesTheRequestAndSaysSo() throws Exception {
        signInAs("WORKER");
        stubLinkForm();
        GATEWAY.stubFor(post(urlEqualTo("/api/documents/files/" + DOCUMENT_ID + "/attachments"))
                .willReturn(aResponse().withStatus(503)));

        submitWithFile("/employment/link", linkForm(), "договор.pdf", "application/pdf", PDF,
                csrf(open("/employment/link?q=x").body()));

        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/employer/me/link-requests")));
        assertThat(open("/employment").body()).contains("Запрос отправлен в организацию, но скан договора к нему не "
                + "приложен");
    }

    @Test
    void theModerationQueueListsTheChangesScansAndTheAdministratorDownloadsOne() throws Exception {
        signInAs("REGISTRY_ADMIN");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/dictionaries/accreditation-kinds")).willReturn(okJson(
                "{\"name\":\"accreditation-kinds\",\"version\":1,\"items\":[{\"code\":\"PRIMARY\",\"name\":\"Первичная\"}]}")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/moderation/queue")).willReturn(okJson("""
                {"items":[{"changeId":"%s","workerId":"%s","kind":"ADD","section":"ACCREDITATION","entryId":"e-1",
                  "entry":{"section":"ACCREDITATION","kind":"PRIMARY","protocolNumber":"1","protocolDate":"2024-06-01",
                           "specialtyCode":"31.08.49","endDate":"2029-06-01"},
                  "status":"PENDING","submittedAt":"2026-12-06T08:04:00Z",
                  "worker":{"id":"%2$s","lastName":"Иванова","firstName":"Мария","middleName":"Петровна"},
                  "currentEntry":null,%s}],"page":0,"size":20,"total":1}"""
                .formatted(CHANGE_ID, WORKER_ID, ATTACHMENTS))));
        GATEWAY.stubFor(get(urlEqualTo("/api/documents/files/" + DOCUMENT_ID)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/pdf")
                .withHeader("Content-Disposition", "attachment; filename=\"scan.pdf\"; filename*=UTF-8''%D1%81%D0%BA%D0%B0%D0%BD.pdf")
                .withBody(PDF)));

        HttpResponse<String> queue = open("/admin/moderation");

        assertThat(queue.body()).contains("Приложенные документы", "href=\"/documents/" + DOCUMENT_ID + "\"",
                "Скан: PDF, 350 КБ", "приложен 06.12.2026");

        HttpResponse<byte[]> file = browser.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/documents/" + DOCUMENT_ID)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(PDF);
        assertThat(file.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(file.headers().firstValue("Content-Disposition")).contains(
                "attachment; filename=\"scan.pdf\"; filename*=UTF-8''%D1%81%D0%BA%D0%B0%D0%BD.pdf");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(file.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        GATEWAY.verify(1, getRequestedFor(urlEqualTo("/api/documents/files/" + DOCUMENT_ID))
                .withHeader("Authorization", equalTo("Bearer " + token("REGISTRY_ADMIN"))));
    }

    @Test
    void aScanTheServiceWillNotShowIsTheNotFoundPageAndAMalformedIdIsNotAsked() throws Exception {
        signInAs("REGISTRY_ADMIN");
        GATEWAY.stubFor(get(urlEqualTo("/api/documents/files/" + DOCUMENT_ID)).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/not-found\",\"status\":404}")));

        HttpResponse<String> missing = open("/documents/" + DOCUMENT_ID);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");

        GATEWAY.resetRequests();
        assertThat(open("/documents/..%2F..%2Fapi").statusCode()).isIn(400, 404);
        assertThat(open("/documents/not-an-id").statusCode()).isEqualTo(404);
        GATEWAY.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void hrSeesTheContractsScanOfAWorkersLinkRequest() throws Exception {
        signInAsHrOf(ORG_A, "GRANTED");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/employer/organizations/" + ORG_A + "/link-requests")).willReturn(
                okJson("""
                {"items":[{"requestId":"%s","workerId":"%s","workerName":"Смирнова Ольга Ивановна",
                  "initiatedBy":"WORKER","status":"PENDING","requestedAt":"2026-12-02T09:00:00Z",
                  "expiresAt":"2026-12-16T09:00:00Z","contractNumber":"ТД-15/2026","contractDate":"2026-02-01",%s}],
                 "page":0,"size":20,"total":1}""".formatted(REQUEST_ID, WORKER_ID, ATTACHMENTS))));

        HttpResponse<String> incoming = open("/hr/link-requests?tab=incoming");

        assertThat(incoming.body()).contains("№ ТД-15/2026 от 01.02.2026", "href=\"/documents/" + DOCUMENT_ID + "\"",
                "Скан: PDF, 350 КБ");
    }
}
