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

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

/**
 * «Справки»: the worker's request form and list with live statuses, the download; the administrator's postal queue;
 * the public verification by number and by file, without login — against documents-service's answer shapes.
 */
class CertificatePagesIT extends PortalTestSupport {

    static final String REQUESTED = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    static final String READY = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";
    static final String REFUSED = "3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f";
    static final String NUMBER = "ABCD-EFGH-JKMN-PQRS";
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String MINE = "/api/documents/me/certificates";

    static String item(String id, String status, String delivery, String more) {
        return """
                {"requestId":"%s","type":"QUALIFICATION","purpose":"по месту требования","delivery":"%s",
                 "status":"%s","requestedAt":"2026-12-06T08:00:00Z"%s}""".formatted(id, delivery, status, more);
    }

    private void stubList() {
        GATEWAY.stubFor(get(urlPathEqualTo(MINE)).willReturn(okJson("{\"items\":["
                + item(REQUESTED, "IN_WORK", "DOWNLOAD", "") + ","
                + item(READY, "READY", "DOWNLOAD", ",\"issuedAt\":\"2026-12-06T08:00:01Z\",\"number\":\"" + NUMBER
                        + "\",\"validUntil\":\"2027-01-05\"") + ","
                + item(REFUSED, "REFUSED", "DOWNLOAD", ",\"refusalReason\":\"В регистре нет подтверждённых записей "
                        + "об образовании\"")
                + "],\"page\":0,\"size\":20,\"total\":3}")));
    }

    @Test
    void theFormExplainsEachTypeAndDeliveryAndTheListSaysEachStateInWords() throws Exception {
        signInAs("WORKER");
        stubList();

        HttpResponse<String> page = open("/certificates");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(everyFormCarriesCsrf(page.body())).contains("О квалификации", "Образование, сертификаты специалиста",
                "О трудовом стаже", "Выписка из регистра", "Скачать в личном кабинете", "По электронной почте",
                "Почтой России", "Индекс", "Населённый пункт", "Для чего нужна справка",
                "Готовится", "Готова — можно скачать", "Отказано", "В регистре нет подтверждённых записей об образовании",
                NUMBER, "05.01.2027", "href=\"/certificates/" + READY + "/pdf\"", "href=\"/verify/" + NUMBER + "\"",
                "href=\"/certificates\"");
        // The one being made asks again every 2 s; settled ones do not.
        assertThat(page.body()).contains("hx-get=\"/certificates/" + REQUESTED + "/item\"", "hx-trigger=\"every 2s\"",
                "hx-swap=\"outerHTML\"").doesNotContain("hx-get=\"/certificates/" + READY + "/item\"",
                "hx-get=\"/certificates/" + REFUSED + "/item\"", "href=\"/certificates/" + REQUESTED + "/pdf\"");
        assertThat(page.body().split("hx-trigger=\"every 2s\"", -1)).hasSize(2);
    }

    @Test
    void theLiveItemStopsAskingOnceReady() throws Exception {
        signInAs("WORKER");
        GATEWAY.stubFor(get(urlEqualTo(MINE + "/" + REQUESTED)).willReturn(okJson(item(REQUESTED, "IN_WORK",
                "EMAIL", ""))));
        HttpResponse<String> working = open("/certificates/" + REQUESTED + "/item");
        assertThat(working.body()).startsWith("<li").contains("hx-trigger=\"every 2s\"", "Готовится");

        GATEWAY.stubFor(get(urlEqualTo(MINE + "/" + REQUESTED)).willReturn(okJson(item(REQUESTED, "READY",
                "EMAIL", ",\"number\":\"" + NUMBER + "\""))));
        assertThat(open("/certificates/" + REQUESTED + "/item").body())
                .contains("hx-trigger=\"every 2s\"", "Готова, отправляется на электронную почту");

        GATEWAY.stubFor(get(urlEqualTo(MINE + "/" + REQUESTED)).willReturn(okJson(item(REQUESTED, "DELIVERED",
                "EMAIL", ",\"channel\":\"EMAILED\",\"number\":\"" + NUMBER + "\""))));
        HttpResponse<String> sent = open("/certificates/" + REQUESTED + "/item");
        assertThat(sent.body()).contains("Отправлена на электронную почту", "Скачать PDF")
                .doesNotContain("hx-trigger", "hx-get");
    }

    @Test
    void aDownloadRequestIsSentAsTheServiceNamesItsFields() throws Exception {
        signInAs("WORKER");
        stubList();
        GATEWAY.stubFor(post(urlEqualTo(MINE)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"requestId\":\"" + REQUESTED + "\",\"status\":\"REQUESTED\"}")));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", "EMPLOYMENT_HISTORY");
        form.put("purpose", " по месту требования ");
        form.put("delivery", "DOWNLOAD");
        form.put("postcode", "");

        HttpResponse<String> sent = submit("/certificates", form, csrf(open("/certificates").body()));

        assertThat(sent.statusCode()).isEqualTo(302);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(MINE)).withHeader("Authorization",
                equalTo("Bearer " + token("WORKER"))).withRequestBody(equalToJson(
                "{\"type\":\"EMPLOYMENT_HISTORY\",\"purpose\":\"по месту требования\",\"delivery\":\"DOWNLOAD\"}")));
        assertThat(open("/certificates").body()).contains("Справка запрошена: О трудовом стаже.");
    }

    @Test
    void theRequestJustMadeIsShownAndFollowedBeforeTheServicesListHasIt() throws Exception {
        signInAs("WORKER");
        // The service's list follows its events a moment later: right after the request it is still empty.
        GATEWAY.stubFor(get(urlPathEqualTo(MINE)).willReturn(okJson(
                "{\"items\":[],\"page\":0,\"size\":20,\"total\":0}")));
        GATEWAY.stubFor(post(urlEqualTo(MINE)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(item(REQUESTED, "REQUESTED", "DOWNLOAD", ""))));
        GATEWAY.stubFor(get(urlEqualTo(MINE + "/" + REQUESTED)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"title\":\"Not Found\",\"detail\":\"requestId: no such справка request\"}")));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", "QUALIFICATION");
        form.put("purpose", "по месту требования");
        form.put("delivery", "DOWNLOAD");

        assertThat(submit("/certificates", form, csrf(open("/certificates").body())).statusCode()).isEqualTo(302);
        String page = open("/certificates").body();

        assertThat(page).contains("Справка запрошена: О квалификации.", "data-request-id=\"" + REQUESTED + "\"",
                "hx-get=\"/certificates/" + REQUESTED + "/item\"", "hx-trigger=\"every 2s\"")
                .doesNotContain("Вы ещё не запрашивали справок.");
        // Still unknown to the service's list: nothing to swap, the item keeps asking.
        HttpResponse<String> notYet = open("/certificates/" + REQUESTED + "/item");
        assertThat(notYet.statusCode()).isEqualTo(204);
        assertThat(notYet.body()).isEmpty();
        // Shown once, on the page the request led to; the next visit shows the list as the service has it.
        assertThat(open("/certificates").body()).contains("Вы ещё не запрашивали справок.")
                .doesNotContain("data-request-id=\"" + REQUESTED + "\"");
    }

    @Test
    void byPostTheAddressGoesAlongAndAMissingPartIsSaidBesideItsField() throws Exception {
        signInAs("WORKER");
        stubList();
        GATEWAY.stubFor(post(urlEqualTo(MINE)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"requestId\":\"" + REQUESTED + "\"}")));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", "REGISTER_EXTRACT");
        form.put("purpose", "для конкурса");
        form.put("delivery", "POST");
        form.put("postcode", "10100");
        form.put("region", "Москва");
        form.put("city", "");
        form.put("street", "ул. Мясницкая");
        form.put("building", "1");

        HttpResponse<String> wrong = submit("/certificates", form, csrf(open("/certificates").body()));

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Исправьте ошибки", "href=\"#postcode\"", "Индекс — шесть цифр.",
                "id=\"city-error\"", "Укажите населённый пункт.", "value=\"ул. Мясницкая\"");
        GATEWAY.verify(0, postRequestedFor(urlEqualTo(MINE)));

        form.put("postcode", "101000");
        form.put("city", "Москва");
        form.put("apartment", "2");
        submit("/certificates", form, csrf(open("/certificates").body()));
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(MINE)).withRequestBody(equalToJson("""
                {"type":"REGISTER_EXTRACT","purpose":"для конкурса","delivery":"POST",
                 "postalAddress":{"postcode":"101000","region":"Москва","city":"Москва","street":"ул. Мясницкая",
                 "building":"1","apartment":"2"}}""")));
    }

    @Test
    void byEmailWithoutAnAddressOnTheAccountIsSaidBesideTheDelivery() throws Exception {
        signInAs("WORKER");
        stubList();
        GATEWAY.stubFor(post(urlEqualTo(MINE)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/validation\",\"status\":422,"
                        + "\"errors\":[{\"field\":\"delivery\",\"message\":\"no e-mail address is known\"}]}")));

        HttpResponse<String> refused = submit("/certificates", Map.of("type", "QUALIFICATION", "purpose",
                "по месту требования", "delivery", "EMAIL"), csrf(open("/certificates").body()));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"delivery-error\"", "В учётной записи нет адреса электронной почты");
    }

    @Test
    void aReadySpravkaDownloadsThroughThePortalAndOneNotReadySaysSo() throws Exception {
        signInAs("WORKER");
        stubList();
        byte[] pdf = "%PDF-1.7 справка".getBytes(StandardCharsets.UTF_8);
        GATEWAY.stubFor(get(urlEqualTo(MINE + "/" + READY + "/pdf")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pdf")
                .withHeader("Content-Disposition", "attachment; filename=\"spravka-ABCDEFGHJKMNPQRS.pdf\"")
                .withBody(pdf)));
        GATEWAY.stubFor(get(urlEqualTo(MINE + "/" + REQUESTED + "/pdf")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/conflict\",\"status\":409}")));

        HttpResponse<byte[]> file = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/certificates/" + READY + "/pdf")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(pdf);
        assertThat(file.headers().firstValue("Content-Disposition")).contains(
                "attachment; filename=\"spravka-ABCDEFGHJKMNPQRS.pdf\"");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        HttpResponse<String> early = open("/certificates/" + REQUESTED + "/pdf");
        assertThat(early.statusCode()).isEqualTo(302);
        assertThat(open("/certificates").body()).contains("Эта справка ещё не готова");
    }

    @Test
    void onlyWorkersHaveCertificatesPages() throws Exception {
        signInAs("REGISTRY_ADMIN");
        assertThat(open("/certificates").statusCode()).isEqualTo(403);
        GATEWAY.resetRequests();
        signInAs("WORKER");
        assertThat(open("/certificates/not-an-id/item").statusCode()).isEqualTo(404);
        GATEWAY.verify(0, getRequestedFor(urlPathEqualTo(MINE + "/not-an-id")));
    }

    // --- the administrator's postal queue ----------------------------------------------------------------------------

    private void stubPostalQueue() {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/documents/admin/certificates")).willReturn(okJson("""
                {"items":[{"requestId":"%s","workerId":"%s","type":"REGISTER_EXTRACT","delivery":"POST",
                  "status":"READY","requestedAt":"2026-12-06T08:00:00Z","issuedAt":"2026-12-06T08:00:01Z",
                  "number":"%s","validUntil":"2027-01-05","holderFullName":"Иванова Мария Петровна",
                  "postalAddress":{"postcode":"101000","region":"Москва","city":"Москва","street":"ул. Мясницкая",
                  "building":"1","apartment":"2","recipient":null}}],"page":0,"size":20,"total":1}"""
                .formatted(READY, WORKER_ID, NUMBER))));
    }

    @Test
    void thePostalQueueShowsWhoAndWhereAndTakesTheTrackingNumber() throws Exception {
        signInAs("REGISTRY_ADMIN");
        stubPostalQueue();
        GATEWAY.stubFor(post(urlEqualTo("/api/documents/admin/certificates/" + READY + "/posted"))
                .willReturn(aResponse().withStatus(204)));

        HttpResponse<String> queue = open("/admin/certificates");

        assertThat(everyFormCarriesCsrf(queue.body())).contains("Справок к отправке: 1", "Иванова Мария Петровна",
                "Выписка из регистра, № " + NUMBER, "101000, Москва, Москва", "ул. Мясницкая, д. 1, кв. 2");
        LoggedRequest asked = GATEWAY.findAll(getRequestedFor(urlPathEqualTo("/api/documents/admin/certificates")))
                .get(0);
        assertThat(asked.queryParameter("delivery").firstValue()).isEqualTo("POST");
        assertThat(asked.queryParameter("status").firstValue()).isEqualTo("READY");
        // The postal addresses are read for the one purpose of this page, stated with the read.
        assertThat(java.net.URLDecoder.decode(asked.getHeader("X-Access-Purpose"),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("Отправка справок почтой");

        HttpResponse<String> wrong = submit("/admin/certificates/" + READY + "/posted",
                Map.of("trackingNumber", "12345"), csrf(queue.body()));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("href=\"#tracking-" + READY + "\"", "Трек-номер Почты России — 14 цифр");
        GATEWAY.verify(0, postRequestedFor(urlEqualTo("/api/documents/admin/certificates/" + READY + "/posted")));

        HttpResponse<String> posted = submit("/admin/certificates/" + READY + "/posted",
                Map.of("trackingNumber", " ra123456789ru "), csrf(queue.body()));
        assertThat(posted.statusCode()).isEqualTo(302);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/documents/admin/certificates/" + READY + "/posted"))
                .withRequestBody(equalToJson("{\"trackingNumber\":\"RA123456789RU\"}")));
        assertThat(open(posted.headers().firstValue("Location").orElseThrow()).body())
                .contains("Справка отмечена как отправленная почтой");
    }

    @Test
    void aRefusalNeedsAReasonAndOneAlreadySettledIsSaid() throws Exception {
        signInAs("REGISTRY_ADMIN");
        stubPostalQueue();
        String refuse = "/api/documents/admin/certificates/" + READY + "/refuse";
        GATEWAY.stubFor(post(urlEqualTo(refuse)).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/conflict\",\"status\":409}")));
        String csrf = csrf(open("/admin/certificates").body());

        HttpResponse<String> empty = submit("/admin/certificates/" + READY + "/refuse", Map.of("reason", " "), csrf);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Укажите причину отказа");
        GATEWAY.verify(0, postRequestedFor(urlEqualTo(refuse)));

        HttpResponse<String> settled = submit("/admin/certificates/" + READY + "/refuse",
                Map.of("reason", "Адрес за пределами РФ"), csrf);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(refuse))
                .withRequestBody(equalToJson("{\"reason\":\"Адрес за пределами РФ\"}")));
        assertThat(open(settled.headers().firstValue("Location").orElseThrow()).body())
                .contains("Эта справка уже не ждёт отправки");
    }

    // --- the public verification --------------------------------------------------------------------------------------

    @Test
    void theVerificationByNumberNeedsNoLoginAndSaysTheResultInWords() throws Exception {
        GATEWAY.stubFor(get(urlEqualTo("/api/documents/verify/" + NUMBER)).willReturn(okJson("""
                {"number":"%s","status":"VALID","type":"QUALIFICATION","issuedAt":"2026-12-06T08:00:01Z",
                 "validUntil":"2027-01-05","holder":"Иванова М. П.","sha256":"%s"}""".formatted(NUMBER, SHA))));

        HttpResponse<String> page = open("/verify/" + NUMBER.toLowerCase());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Справка действительна", "О квалификации", "06.12.2026", "05.01.2027",
                "Иванова М. П.", SHA, "№ " + NUMBER, "Войти").doesNotContain("Мария");
        GATEWAY.verify(1, getRequestedFor(urlEqualTo("/api/documents/verify/" + NUMBER))
                .withoutHeader("Authorization"));

        for (String[] status : new String[][] {{"EXPIRED", "Срок действия истёк"}, {"REVOKED", "Отозвана"}}) {
            GATEWAY.stubFor(get(urlEqualTo("/api/documents/verify/" + NUMBER)).willReturn(okJson("""
                    {"number":"%s","status":"%s","type":"EMPLOYMENT_HISTORY","issuedAt":"2026-12-06T08:00:01Z",
                     "validUntil":"2027-01-05","holder":null,"sha256":"%s"}""".formatted(NUMBER, status[0], SHA))));
            assertThat(open("/verify/" + NUMBER).body()).contains(status[1], "О трудовом стаже");
        }
    }

    @Test
    void anUnknownNumberWasNeverIssuedAndAMalformedOneIsNotAsked() throws Exception {
        GATEWAY.stubFor(get(urlEqualTo("/api/documents/verify/" + NUMBER)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/not-found\",\"status\":404,\"statusText\":\"UNKNOWN\"}")));

        HttpResponse<String> unknown = open("/verify/" + NUMBER);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Справка с таким номером не выдавалась");

        GATEWAY.resetRequests();
        HttpResponse<String> malformed = open("/verify/ILOU-0000-0000-0000");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("Номер справки — 16 знаков в формате XXXX-XXXX-XXXX-XXXX.");
        assertThat(open("/verify?number=abcd%20efgh%20jkmn%20pqrs").headers().firstValue("Location").orElseThrow())
                .endsWith("/verify/" + NUMBER);
        GATEWAY.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void anUploadedPdfIsCheckedAndTheAnswerSaidInWords() throws Exception {
        byte[] pdf = "%PDF-1.7 signed".getBytes(StandardCharsets.US_ASCII);
        GATEWAY.stubFor(post(urlEqualTo("/api/documents/verify")).willReturn(okJson("""
                {"issuedByPlatform":true,"unaltered":true,"number":"%s","status":"VALID",
                 "signature":{"valid":true,"signer":"ФРМР","signedAt":"2026-12-06T08:00:01Z"}}""".formatted(NUMBER))));
        String form = open("/verify").body();
        assertThat(form).contains("enctype=\"multipart/form-data\"", "PDF-файл справки");

        HttpResponse<String> genuine = submitWithFile("/verify", Map.of(), "spravka.pdf", "application/pdf", pdf,
                csrf(form));

        assertThat(genuine.statusCode()).isEqualTo(200);
        assertThat(genuine.body()).contains("Документ выдан платформой и не изменён", NUMBER,
                "Справка действительна", "Верна: ФРМР");
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/documents/verify")).withoutHeader("Authorization")
                .withRequestBodyPart(aMultipart().withName("file").withBody(binaryEqualTo(pdf)).build()));

        GATEWAY.stubFor(post(urlEqualTo("/api/documents/verify")).willReturn(okJson("""
                {"issuedByPlatform":false,"unaltered":false,"signature":{"valid":false}}""")));
        assertThat(submitWithFile("/verify", Map.of(), "spravka.pdf", "application/pdf", pdf, csrf(form)).body())
                .contains("Документ не выдан платформой или изменён после выдачи", "Нет или не совпадает с документом")
                .doesNotContain("Справка действительна");

        HttpResponse<String> none = submitWithFile("/verify", Map.of(), "", "application/octet-stream", new byte[0],
                csrf(form));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Выберите PDF-файл справки.");
    }
}
