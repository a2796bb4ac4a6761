package ru.frmr.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
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

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

import ru.frmr.portal.web.audit.ProofCheckTest;

/**
 * Issue 13's pages against the answer shapes of the design brief: the registry administrator's agencies (Kafka
 * credentials and webhook secrets shown once and kept nowhere, machine clients, the delivery log and its replay), the
 * purpose asked before a worker's card and sent with each read, the worker's «Кто смотрел мои данные», and the
 * auditor's checkpoints, whose signature and proofs the portal checks itself.
 */
class AgencyAndAuditPagesIT extends PortalTestSupport {

    static final String AGENCY_ID = "ag-abcdefgh2345";
    static final String CLIENT_ID = "cl-abcdefgh23456723";
    static final String SUBSCRIPTION_ID = "ws-7f3k2m9q";
    static final String PASSWORD = "Kq7-once-only-pw-Zr4x";
    static final String WEBHOOK_SECRET = "whsec_c2VjcmV0LXNob3duLW9uY2U=";
    static final String OTHER_WORKER = "7a2d3b9f-6c8e-4d2f-8b4a-3e5c7d9f1b2a";

    private static String agency(String status) {
        return """
                {"agencyId":"%s","name":"Департамент здравоохранения города Москвы","kind":"REGIONAL_HEALTH_AUTHORITY",
                 "regionCode":"77","status":"%s","onboardedAt":"2026-12-06T09:00:00Z",
                 "revokedAt":%s,"kafkaUsername":"agency-abcdefgh2345"}"""
                .formatted(AGENCY_ID, status, "REVOKED".equals(status) ? "\"2026-12-06T10:00:00Z\"" : "null");
    }

    private static String kafka(String password) {
        return """
                {"bootstrapServers":"kafka.frmr.test:9094","securityProtocol":"SASL_PLAINTEXT",
                 "mechanism":"SCRAM-SHA-512","username":"agency-abcdefgh2345","password":"%s",
                 "topics":["frmr.public.events","frmr.audit.checkpoints"],"groupPrefix":"agency-abcdefgh2345."}"""
                .formatted(password);
    }

    private static void stubAgencyPage(String status) {
        GATEWAY.stubFor(get(urlEqualTo("/api/auth/agencies/" + AGENCY_ID)).willReturn(okJson(agency(status))));
        GATEWAY.stubFor(get(urlEqualTo("/api/auth/agencies/" + AGENCY_ID + "/clients")).willReturn(okJson("""
                {"items":[{"clientId":"%s","agencyId":"%s","name":"ИС надзора","scopes":["registry.read"],
                  "keyIds":["k1"],"tokenEndpoint":"https://frmr.test/api/auth/oauth/token",
                  "registeredAt":"2026-12-06T09:30:00Z"}]}""".formatted(CLIENT_ID, AGENCY_ID))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/notifications/webhooks")).withQueryParam("agencyId",
                equalTo(AGENCY_ID)).willReturn(okJson("""
                {"items":[{"subscriptionId":"%s","agencyId":"%s","url":"https://nadzor.example.ru/frmr/events",
                  "eventTypes":["ru.frmr.registry.LicenseExpired.v1"],"status":"ACTIVE",
                  "createdAt":"2026-12-06T09:40:00Z"}]}""".formatted(SUBSCRIPTION_ID, AGENCY_ID))));
    }

    // --- agencies -----------------------------------------------------------------------------------------------

    @Test
    void theAgenciesListShowsEachAgencysKindRegionStatusAndDate() throws Exception {
        signInAs("REGISTRY_ADMIN");
        GATEWAY.stubFor(get(urlEqualTo("/api/auth/agencies")).willReturn(okJson("""
                {"items":[
                 {"agencyId":"ag-aaaaaaaaaaaa","name":"Министерство здравоохранения РФ","kind":"MINZDRAV",
                  "regionCode":null,"status":"ACTIVE","onboardedAt":"2026-12-01T21:30:00Z","kafkaUsername":"agency-a"},
                 {"agencyId":"ag-bbbbbbbbbbbb","name":"Росздравнадзор","kind":"ROSZDRAVNADZOR","regionCode":null,
                  "status":"REVOKED","onboardedAt":"2026-11-02T09:00:00Z","revokedAt":"2026-12-02T09:00:00Z",
                  "kafkaUsername":"agency-b"},
                 %s]}""".formatted(agency("ACTIVE")))));

        HttpResponse<String> page = open("/admin/agencies");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ведомства", "Министерство здравоохранения РФ", "Минздрав России",
                "Росздравнадзор", "Отозвано", "Действует",
                "Региональный орган управления здравоохранением — Москва (77)",
                // 21:30 UTC is the next day in Moscow.
                "02.12.2026", "02.11.2026", "href=\"/admin/agencies/" + AGENCY_ID + "\"", "href=\"/admin/agencies/new\"",
                "href=\"/admin/agencies\" data-test=\"agencies-link\"");

        signInAs("WORKER");
        assertThat(open("/admin/agencies").statusCode()).isEqualTo(403);
    }

    @Test
    void onboardingRefusesMissingFieldsBeforeAskingTheApiAndShowsTheApisFieldErrors() throws Exception {
        signInAs("REGISTRY_ADMIN");
        String form = everyFormCarriesCsrf(open("/admin/agencies/new").body());
        assertThat(form).contains("Минздрав России", "77 — Москва");

        HttpResponse<String> missing = submit("/admin/agencies", Map.of("name", " ", "kind",
                "REGIONAL_HEALTH_AUTHORITY", "regionCode", ""), csrf(form));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Исправьте ошибки", "Укажите наименование ведомства",
                "Для регионального органа выберите регион", "id=\"name-error\"", "id=\"regionCode-error\"",
                "aria-invalid=\"true\"");
        HttpResponse<String> badKind = submit("/admin/agencies", Map.of("name", "Орган", "kind", "FSB"), csrf(form));
        assertThat(badKind.body()).contains("Выберите вид ведомства");
        GATEWAY.verify(0, postRequestedFor(urlEqualTo("/api/auth/agencies")));

        GATEWAY.stubFor(post(urlEqualTo("/api/auth/agencies")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"https://frmr.ru/problems/validation","title":"Bad Request","status":400,
                         "detail":"Invalid request","errors":[{"field":"name","message":"already taken"},
                         {"field":"regionCode","message":"Такого субъекта нет"}]}""")));
        HttpResponse<String> refused = submit("/admin/agencies", Map.of("name", "Росздравнадзор", "kind",
                "REGIONAL_HEALTH_AUTHORITY", "regionCode", "77"), csrf(form));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Наименование не принято: проверьте его", "Такого субъекта нет",
                "id=\"name-error\"", "id=\"regionCode-error\"", "value=\"Росздравнадзор\"");
    }

    @Test
    void onboardingShowsTheKafkaCredentialsOnceAndNothingKeepsThem() throws Exception {
        signInAs("REGISTRY_ADMIN");
        String form = open("/admin/agencies/new").body();
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/agencies")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(agency("ACTIVE")
                        .replaceFirst("}$", ",\"kafka\":" + kafka(PASSWORD) + "}"))));

        HttpResponse<String> shown = submit("/admin/agencies", Map.of("name",
                "  Департамент здравоохранения города Москвы ", "kind", "REGIONAL_HEALTH_AUTHORITY",
                "regionCode", "77"), csrf(form));

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(shown.body()).contains("Ведомство подключено", "Пароль показан один раз", PASSWORD,
                "kafka.frmr.test:9094", "agency-abcdefgh2345", "frmr.public.events, frmr.audit.checkpoints",
                "agency-abcdefgh2345.", "bootstrap.servers=kafka.frmr.test:9094", "sasl.mechanism=SCRAM-SHA-512",
                "security.protocol=SASL_PLAINTEXT",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=&quot;agency-abcdefgh2345"
                        + "&quot; password=&quot;" + PASSWORD + "&quot;;",
                "group.id=agency-abcdefgh2345.main");
        GATEWAY.verify(postRequestedFor(urlEqualTo("/api/auth/agencies")).withRequestBody(equalToJson("""
                {"name":"Департамент здравоохранения города Москвы","kind":"REGIONAL_HEALTH_AUTHORITY",
                 "regionCode":"77"}""")));

        // The agency's page afterwards: the username, never the password; neither is it in the portal's session.
        stubAgencyPage("ACTIVE");
        HttpResponse<String> after = open("/admin/agencies/" + AGENCY_ID);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("agency-abcdefgh2345").doesNotContain(PASSWORD);
        assertThat(sessionsContain(PASSWORD)).as("a portal session holding the password").isFalse();
    }

    @Test
    void rotatingShowsTheNewPasswordOnceAndRevokingAsksFirst() throws Exception {
        signInAs("REGISTRY_ADMIN");
        stubAgencyPage("ACTIVE");
        String page = everyFormCarriesCsrf(open("/admin/agencies/" + AGENCY_ID).body());
        assertThat(page).contains("Департамент здравоохранения города Москвы", "data-test=\"rotate\"",
                "href=\"/admin/agencies/" + AGENCY_ID + "/revoke\"");
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/agencies/" + AGENCY_ID + "/kafka-credentials"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"kafka\":" + kafka("Rotated-" + PASSWORD) + "}")));

        HttpResponse<String> rotated = submit("/admin/agencies/" + AGENCY_ID + "/kafka-credentials", Map.of(),
                csrf(page));
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(rotated.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(rotated.body()).contains("Новые учётные данные Kafka", "Rotated-" + PASSWORD,
                "Пароль показан один раз");

        HttpResponse<String> confirm = open("/admin/agencies/" + AGENCY_ID + "/revoke");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Отозвать доступ ведомства?", "data-test=\"revoke-confirm\"");
        GATEWAY.verify(0, postRequestedFor(urlPathMatching("/api/auth/agencies/.*/revoke")));
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/agencies/" + AGENCY_ID + "/revoke"))
                .willReturn(okJson(agency("REVOKED"))));

        HttpResponse<String> revoked = submit("/admin/agencies/" + AGENCY_ID + "/revoke", Map.of(),
                csrf(confirm.body()));
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(revoked.headers().firstValue("Location").orElseThrow()).endsWith("/admin/agencies/" + AGENCY_ID);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/auth/agencies/" + AGENCY_ID + "/revoke")));
        stubAgencyPage("REVOKED");
        assertThat(open("/admin/agencies/" + AGENCY_ID).body()).contains("Доступ ведомства отозван",
                "Отозвано").doesNotContain("data-test=\"rotate\"");

        assertThat(open("/admin/agencies/not-an-agency").statusCode()).isEqualTo(404);
    }

    @Test
    void aMachineClientIsRegisteredWithPublicKeysOnlyAndRevoked() throws Exception {
        signInAs("REGISTRY_ADMIN");
        stubAgencyPage("ACTIVE");
        String page = open("/admin/agencies/" + AGENCY_ID).body();
        assertThat(page).contains("ИС надзора", CLIENT_ID, "Чтение записей работников (с указанием цели)", "k1",
                "https://nadzor.example.ru/frmr/events", "Истечение срока аккредитации");
        String publicJwk = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"k2\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}";

        Map<String, String> withPrivateKey = new LinkedHashMap<>();
        withPrivateKey.put("name", "ИС надзора 2");
        withPrivateKey.put("scopes", "audit.read");
        withPrivateKey.put("jwks", "{\"keys\":[" + publicJwk.replace("}", ",\"d\":\"c2VjcmV0\"}") + "]}");
        HttpResponse<String> refused = submit("/admin/agencies/" + AGENCY_ID + "/clients", withPrivateKey, csrf(page));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("В наборе есть закрытый ключ", "id=\"jwks-error\"");
        HttpResponse<String> noScopes = submit("/admin/agencies/" + AGENCY_ID + "/clients", Map.of("name", "ИС",
                "jwks", "not json"), csrf(page));
        assertThat(noScopes.body()).contains("Отметьте хотя бы одно разрешение", "Это не JSON");
        GATEWAY.verify(0, postRequestedFor(urlEqualTo("/api/auth/agencies/" + AGENCY_ID + "/clients")));

        GATEWAY.stubFor(post(urlEqualTo("/api/auth/agencies/" + AGENCY_ID + "/clients")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"clientId":"cl-zzzzzzzzzzzzzzzz","agencyId":"%s","name":"ИС надзора 2",
                         "scopes":["registry.read","audit.read"],"keyIds":["k2"],
                         "tokenEndpoint":"https://frmr.test/api/auth/oauth/token",
                         "registeredAt":"2026-12-06T11:00:00Z"}""".formatted(AGENCY_ID))));
        String body = "name=" + enc("ИС надзора 2") + "&scopes=registry.read&scopes=audit.read&jwks="
                + enc("{\"keys\":[" + publicJwk + "]}") + "&_csrf=" + enc(csrf(page));
        HttpResponse<String> registered = browser.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/admin/agencies/" + AGENCY_ID + "/clients"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).isEqualTo(302);
        GATEWAY.verify(postRequestedFor(urlEqualTo("/api/auth/agencies/" + AGENCY_ID + "/clients"))
                .withRequestBody(equalToJson("{\"name\":\"ИС надзора 2\",\"jwks\":{\"keys\":[" + publicJwk
                        + "]},\"scopes\":[\"registry.read\",\"audit.read\"]}")));
        assertThat(open("/admin/agencies/" + AGENCY_ID).body()).contains("Машинный клиент зарегистрирован: "
                + "cl-zzzzzzzzzzzzzzzz", "https://frmr.test/api/auth/oauth/token");

        GATEWAY.stubFor(post(urlEqualTo("/api/auth/agencies/" + AGENCY_ID + "/clients/" + CLIENT_ID + "/revoke"))
                .willReturn(aResponse().withStatus(204)));
        assertThat(submit("/admin/agencies/" + AGENCY_ID + "/clients/" + CLIENT_ID + "/revoke", Map.of(),
                csrf(page)).statusCode()).isEqualTo(302);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/auth/agencies/" + AGENCY_ID + "/clients/" + CLIENT_ID
                + "/revoke")));
        assertThat(open("/admin/agencies/" + AGENCY_ID).body()).contains("Машинный клиент " + CLIENT_ID
                + " отозван");
    }

    @Test
    void aWebhookSubscriptionShowsItsSecretOnceAndIsDisabledEnabledDeleted() throws Exception {
        signInAs("REGISTRY_ADMIN");
        stubAgencyPage("ACTIVE");
        String page = open("/admin/agencies/" + AGENCY_ID).body();
        assertThat(page).contains("Изменение сведений о работнике", "Запрос работодателя о связи с работником");

        HttpResponse<String> loopback = submit("/admin/agencies/" + AGENCY_ID + "/webhooks", Map.of("url",
                "ftp://example.ru/x"), csrf(page));
        assertThat(loopback.statusCode()).isEqualTo(400);
        assertThat(loopback.body()).contains("Адрес вида https://example.gov.ru/frmr/events",
                "Отметьте хотя бы один тип событий");
        GATEWAY.stubFor(post(urlEqualTo("/api/notifications/webhooks")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"https://frmr.ru/problems/validation","status":400,
                         "errors":[{"field":"url","message":"address not allowed"}]}""")));
        HttpResponse<String> privateAddress = submit("/admin/agencies/" + AGENCY_ID + "/webhooks", Map.of("url",
                "https://10.0.0.5/hook", "eventTypes", "ru.frmr.registry.LicenseExpired.v1"), csrf(page));
        assertThat(privateAddress.statusCode()).isEqualTo(400);
        assertThat(privateAddress.body()).contains("не внутренний и не локальный", "id=\"url-error\"");

        GATEWAY.stubFor(post(urlEqualTo("/api/notifications/webhooks")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"subscriptionId":"ws-newnewnew","agencyId":"%s","url":"https://nadzor.example.ru/hook",
                         "eventTypes":["ru.frmr.registry.LicenseExpired.v1"],"status":"ACTIVE",
                         "createdAt":"2026-12-06T11:00:00Z","secret":"%s"}""".formatted(AGENCY_ID, WEBHOOK_SECRET))));
        HttpResponse<String> created = submit("/admin/agencies/" + AGENCY_ID + "/webhooks", Map.of("url",
                "https://nadzor.example.ru/hook", "eventTypes", "ru.frmr.registry.LicenseExpired.v1",
                "description", "Основной приёмник"), csrf(page));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(created.body()).contains("Секрет подписи показан один раз", WEBHOOK_SECRET, "ws-newnewnew");
        GATEWAY.verify(postRequestedFor(urlEqualTo("/api/notifications/webhooks")).withRequestBody(equalToJson("""
                {"agencyId":"%s","url":"https://nadzor.example.ru/hook",
                 "eventTypes":["ru.frmr.registry.LicenseExpired.v1"],"description":"Основной приёмник"}"""
                .formatted(AGENCY_ID))));
        assertThat(open("/admin/agencies/" + AGENCY_ID).body()).doesNotContain(WEBHOOK_SECRET);
        assertThat(sessionsContain(WEBHOOK_SECRET)).isFalse();

        String base = "/api/notifications/webhooks/" + SUBSCRIPTION_ID;
        GATEWAY.stubFor(post(urlEqualTo(base + "/disable")).willReturn(aResponse().withStatus(204)));
        GATEWAY.stubFor(post(urlEqualTo(base + "/enable")).willReturn(aResponse().withStatus(204)));
        GATEWAY.stubFor(delete(urlEqualTo(base)).willReturn(aResponse().withStatus(204)));
        Map<String, String> said = Map.of("disable", "Подписка отключена", "enable", "Подписка включена.",
                "delete", "Подписка удалена.");
        for (String action : List.of("disable", "enable", "delete")) {
            HttpResponse<String> done = submit("/admin/agencies/" + AGENCY_ID + "/webhooks/" + SUBSCRIPTION_ID + "/"
                    + action, Map.of(), csrf(page));
            assertThat(done.statusCode()).as(action).isEqualTo(302);
            assertThat(open("/admin/agencies/" + AGENCY_ID).body()).as(action).contains(said.get(action));
        }
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(base + "/disable")));
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(base + "/enable")));
        GATEWAY.verify(1, deleteRequestedFor(urlEqualTo(base)));
    }

    @Test
    void theDeliveryLogIsInRussianAndAReplayStartsAtTheMoscowTimeTyped() throws Exception {
        signInAs("REGISTRY_ADMIN");
        String base = "/api/notifications/webhooks/" + SUBSCRIPTION_ID;
        GATEWAY.stubFor(get(urlEqualTo(base)).willReturn(okJson("""
                {"subscriptionId":"%s","agencyId":"%s","url":"https://nadzor.example.ru/frmr/events",
                 "eventTypes":["ru.frmr.registry.LicenseExpired.v1"],"status":"ACTIVE","createdAt":"2026-12-06T09:40:00Z"}"""
                .formatted(SUBSCRIPTION_ID, AGENCY_ID))));
        GATEWAY.stubFor(get(urlPathEqualTo(base + "/deliveries")).willReturn(okJson("""
                {"items":[
                 {"deliveryId":"d1","webhookId":"msg_1","eventId":"e1","eventType":"ru.frmr.registry.LicenseExpired.v1",
                  "status":"DELIVERED","attempts":1,"lastStatusCode":200,"deliveredAt":"2026-12-06T10:00:01Z",
                  "createdAt":"2026-12-06T10:00:00Z"},
                 {"deliveryId":"d2","webhookId":"msg_2","eventId":"e2","eventType":"ru.frmr.registry.LicenseExpired.v1",
                  "status":"PENDING","attempts":3,"lastStatusCode":503,"lastError":"HTTP 503",
                  "nextAttemptAt":"2026-12-06T11:30:00Z","createdAt":"2026-12-06T10:05:00Z"}],
                 "page":0,"size":20,"total":2}""")));

        HttpResponse<String> log = open("/admin/agencies/" + AGENCY_ID + "/webhooks/" + SUBSCRIPTION_ID);

        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body()).contains("Журнал доставок", "Доставок: 2", "Доставлено", "Ожидает отправки",
                "06.12.2026 13:00 МСК", "06.12.2026 14:30 МСК", ">503<", ">3<", "msg_2",
                "Повторить доставку с");
        assertThat(GATEWAY.findAll(getRequestedFor(urlPathEqualTo(base + "/deliveries"))).get(0)
                .queryParameter("size").firstValue()).isEqualTo("20");

        HttpResponse<String> future = submit("/admin/agencies/" + AGENCY_ID + "/webhooks/" + SUBSCRIPTION_ID
                + "/replay", Map.of("since", "2999-01-01T00:00"), csrf(log.body()));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("Момент не может быть в будущем");
        assertThat(submit("/admin/agencies/" + AGENCY_ID + "/webhooks/" + SUBSCRIPTION_ID + "/replay",
                Map.of("since", "вчера"), csrf(log.body())).body()).contains("в виде ДД.ММ.ГГГГ ЧЧ:ММ");
        GATEWAY.verify(0, postRequestedFor(urlEqualTo(base + "/replay")));

        GATEWAY.stubFor(post(urlEqualTo(base + "/replay")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"enqueued\":7}")));
        HttpResponse<String> replayed = submit("/admin/agencies/" + AGENCY_ID + "/webhooks/" + SUBSCRIPTION_ID
                + "/replay", Map.of("since", "2026-12-06T10:00"), csrf(log.body()));
        assertThat(replayed.statusCode()).isEqualTo(302);
        GATEWAY.verify(postRequestedFor(urlEqualTo(base + "/replay"))
                .withRequestBody(equalToJson("{\"since\":\"2026-12-06T07:00:00Z\"}")));
        assertThat(open("/admin/agencies/" + AGENCY_ID + "/webhooks/" + SUBSCRIPTION_ID).body())
                .contains("Поставлено в очередь доставок: 7.");

        // Another agency's subscription is not shown under this agency.
        assertThat(open("/admin/agencies/ag-zzzzzzzzzzzz/webhooks/" + SUBSCRIPTION_ID).statusCode())
                .isEqualTo(404);
    }

    // --- the purpose of access -------------------------------------------------------------------------------------

    @Test
    void aWorkersCardAsksForThePurposeFirstAndSendsItPercentEncoded() throws Exception {
        signInAs("REGISTRY_ADMIN");
        GATEWAY.stubFor(get(urlEqualTo("/api/registry/workers/" + WORKER_ID)).willReturn(okJson(worker())));
        GATEWAY.stubFor(get(urlEqualTo("/api/registry/workers/" + OTHER_WORKER)).willReturn(okJson(worker())));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/auth/accounts")).willReturn(okJson("[]")));

        HttpResponse<String> asked = open("/supervision/workers/" + WORKER_ID);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(everyFormCarriesCsrf(asked.body())).contains("Цель доступа", "Рассмотрение обращения работника",
                "Контрольно-надзорное мероприятие", "Другое (опишите ниже)").doesNotContain("data-test=\"record-name\"");
        GATEWAY.verify(0, getRequestedFor(urlPathMatching("/api/registry/workers/.*")));

        HttpResponse<String> none = submit("/supervision/workers/" + WORKER_ID + "/purpose", Map.of("suggested", ""),
                csrf(asked.body()));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Выберите цель доступа", "href=\"#suggested\"");
        HttpResponse<String> otherEmpty = submit("/supervision/workers/" + WORKER_ID + "/purpose",
                Map.of("suggested", "OTHER", "details", "  "), csrf(asked.body()));
        assertThat(otherEmpty.body()).contains("Опишите цель доступа");
        HttpResponse<String> tooShort = submit("/supervision/workers/" + WORKER_ID + "/purpose",
                Map.of("suggested", "OTHER", "details", "аб"), csrf(asked.body()));
        assertThat(tooShort.body()).contains("не короче 3 символов");
        HttpResponse<String> tooLong = submit("/supervision/workers/" + WORKER_ID + "/purpose",
                Map.of("suggested", "APPEAL", "details", "я".repeat(290)), csrf(asked.body()));
        assertThat(tooLong.body()).contains("не длиннее 300 символов");
        GATEWAY.verify(0, getRequestedFor(urlPathMatching("/api/registry/workers/.*")));

        HttpResponse<String> stated = submit("/supervision/workers/" + WORKER_ID + "/purpose",
                Map.of("suggested", "APPEAL", "details", "обращение № 17 + скан"), csrf(asked.body()));
        assertThat(stated.statusCode()).isEqualTo(302);
        assertThat(stated.headers().firstValue("Location").orElseThrow()).endsWith("/supervision/workers/"
                + WORKER_ID);
        HttpResponse<String> card = open("/supervision/workers/" + WORKER_ID);
        assertThat(card.body()).contains("Иванова Мария Петровна",
                "Цель доступа: <span>Рассмотрение обращения работника: обращение № 17 + скан</span>");
        String expected = "%D0%A0%D0%B0%D1%81%D1%81%D0%BC%D0%BE%D1%82%D1%80%D0%B5%D0%BD%D0%B8%D0%B5%20";
        GATEWAY.verify(getRequestedFor(urlEqualTo("/api/registry/workers/" + WORKER_ID)).withHeader(
                "X-Access-Purpose", equalTo(URLEncoder.encode("Рассмотрение обращения работника: обращение № 17 "
                        + "+ скан", StandardCharsets.UTF_8).replace("+", "%20"))));
        String sent = GATEWAY.findAll(getRequestedFor(urlEqualTo("/api/registry/workers/" + WORKER_ID))).get(0)
                .getHeader("X-Access-Purpose");
        assertThat(sent).startsWith(expected).contains("%2B").doesNotContain("+").doesNotContain(" ");
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/auth/accounts")).withHeader("X-Access-Purpose",
                equalTo(sent)));

        // Within the card (back from an action, a reload) it is not asked again; another worker's card asks.
        assertThat(open("/supervision/workers/" + WORKER_ID).body()).contains("Иванова Мария Петровна")
                .doesNotContain("data-test=\"purpose-form\"");
        assertThat(open("/supervision/workers/" + OTHER_WORKER).body()).contains("data-test=\"purpose-form\"");
        GATEWAY.verify(0, getRequestedFor(urlEqualTo("/api/registry/workers/" + OTHER_WORKER)));
    }

    @Test
    void aPurposeTheServiceRefusesIsAskedForAgain() throws Exception {
        signInAs("SUPERVISOR");
        GATEWAY.stubFor(get(urlEqualTo("/api/registry/workers/" + WORKER_ID)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"https://frmr.ru/problems/validation","status":400,
                         "errors":[{"field":"purpose","message":"size must be between 3 and 300"}]}""")));
        String asked = open("/supervision/workers/" + WORKER_ID).body();
        submit("/supervision/workers/" + WORKER_ID + "/purpose", Map.of("suggested", "SUPERVISION"), csrf(asked));

        HttpResponse<String> again = open("/supervision/workers/" + WORKER_ID);

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("data-test=\"purpose-form\"", "Цель доступа не принята");
        GATEWAY.verify(getRequestedFor(urlEqualTo("/api/registry/workers/" + WORKER_ID))
                .withHeader("X-Access-Purpose", equalTo(URLEncoder.encode("Контрольно-надзорное мероприятие",
                        StandardCharsets.UTF_8).replace("+", "%20"))));
        GATEWAY.verify(0, getRequestedFor(urlPathEqualTo("/api/auth/accounts")));
    }

    // --- who saw my data -------------------------------------------------------------------------------------------

    @Test
    void theWorkerSeesWhoReadTheirDataPagedAndAnEmptyState() throws Exception {
        signInAs("WORKER");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/audit/me/access")).willReturn(okJson("""
                {"items":[
                 {"accessId":"x1","at":"2026-12-06T21:15:00Z","actorRole":"REGISTRY_ADMIN",
                  "actorLabel":"Администратор реестра","what":"RECORD",
                  "purpose":"Рассмотрение обращения работника: обращение № 17","service":"registry-service"},
                 {"accessId":"x2","at":"2026-12-05T08:00:00Z","actorRole":"EMPLOYER_HR",
                  "actorLabel":"Отдел кадров ГБУЗ ГКБ № 1","what":"EMPLOYMENT","purpose":"кадровый учёт",
                  "service":"employer-service"}],
                 "page":1,"size":20,"total":42}""")));

        HttpResponse<String> page = open("/privacy/access?page=1");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Кто смотрел мои данные", "Просмотров: 42",
                // 21:15 UTC is the next day in Moscow.
                "07.12.2026 00:15 МСК", "Администратор реестра", "Запись в регистре",
                "Рассмотрение обращения работника: обращение № 17", "05.12.2026 11:00 МСК",
                "Отдел кадров ГБУЗ ГКБ № 1", "Сведения о трудоустройстве", "кадровый учёт",
                "Страница 2 из 3", "href=\"/privacy/access?page=0\"", "href=\"/privacy/access?page=2\"",
                "href=\"/privacy/access\" data-test=\"access-log-link\"");
        assertThat(GATEWAY.findAll(getRequestedFor(urlPathEqualTo("/api/audit/me/access"))).get(0)
                .queryParameter("size").firstValue()).isEqualTo("20");
        assertThat(GATEWAY.findAll(getRequestedFor(urlPathEqualTo("/api/audit/me/access"))).get(0)
                .queryParameter("page").firstValue()).isEqualTo("1");

        GATEWAY.stubFor(get(urlPathEqualTo("/api/audit/me/access")).willReturn(okJson(
                "{\"items\":[],\"page\":0,\"size\":20,\"total\":0}")));
        assertThat(open("/privacy/access").body()).contains("Пока никто, кроме вас, ваши данные не просматривал")
                .doesNotContain("data-test=\"access-log\"");

        signInAs("REGISTRY_ADMIN");
        assertThat(open("/privacy/access").statusCode()).isEqualTo(403);
    }

    // --- checkpoints ---------------------------------------------------------------------------------------------

    /** A log of 7 entries with checkpoints at 4 and 7, signed by a key of this test. */
    private record Log(List<byte[]> leaves, String note4, String note7, String vkey) {
    }

    private static Log stubLog() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] raw = ProofCheckTest.rawPublicKey(pair);
        String name = "frmr.test/audit";
        List<byte[]> leaves = ProofCheckTest.leaves(7);
        String note4 = ProofCheckTest.signed(name + "\n4\n" + b64(ProofCheckTest.mth(leaves.subList(0, 4))) + "\n",
                name, pair, raw);
        String note7 = ProofCheckTest.signed(name + "\n7\n" + b64(ProofCheckTest.mth(leaves)) + "\n", name, pair,
                raw);
        Log log = new Log(leaves, note4, note7, ProofCheckTest.vkey(name, raw));
        GATEWAY.stubFor(get(urlEqualTo("/api/audit/public/checkpoint")).willReturn(aResponse()
                .withHeader("Content-Type", "text/plain; charset=utf-8").withBody(note7)));
        GATEWAY.stubFor(get(urlEqualTo("/api/audit/public/verifier-key")).willReturn(aResponse()
                .withHeader("Content-Type", "text/plain; charset=utf-8").withBody(log.vkey() + "\n")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/audit/public/checkpoints")).willReturn(okJson(json(Map.of("items",
                List.of(Map.of("treeSize", 7, "rootHash", b64(ProofCheckTest.mth(leaves)),
                                "publishedAt", "2026-12-06T09:00:00Z", "note", note7),
                        Map.of("treeSize", 4, "rootHash", b64(ProofCheckTest.mth(leaves.subList(0, 4))),
                                "publishedAt", "2026-12-06T08:00:00Z", "note", note4)))))));
        for (int i = 0; i < 7; i++) {
            GATEWAY.stubFor(get(urlEqualTo("/api/audit/entries/" + (i + 1) + "/leaf")).willReturn(okJson(json(Map.of(
                    "sequence", i + 1, "leafIndex", i, "leaf", b64(leaves.get(i)),
                    "leafHash", b64(ru.frmr.portal.web.audit.ProofCheck.leafHash(leaves.get(i))))))));
            GATEWAY.stubFor(get(urlEqualTo("/api/audit/public/proofs/inclusion?index=" + i + "&treeSize=7"))
                    .willReturn(okJson(json(Map.of("leafIndex", i, "treeSize", 7, "hashes",
                            ProofCheckTest.path(i, leaves).stream().map(AgencyAndAuditPagesIT::b64).toList())))));
        }
        GATEWAY.stubFor(get(urlEqualTo("/api/audit/public/proofs/consistency?from=4&to=7")).willReturn(okJson(
                json(Map.of("from", 4, "to", 7, "hashes", ProofCheckTest.proof(4, leaves).stream()
                        .map(AgencyAndAuditPagesIT::b64).toList())))));
        return log;
    }

    @Test
    void theAuditorSeesTheLatestCheckpointAndChecksAnEntrysInclusion() throws Exception {
        signInAs("AUDITOR");
        Log log = stubLog();

        HttpResponse<String> page = open("/audit/checkpoints");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Журнал аудита: контрольные точки", "data-test=\"latest-size\">7<",
                "Подпись верна", b64(ProofCheckTest.mth(log.leaves())), "frmr.test/audit\n7\n",
                "06.12.2026 12:00 МСК", "06.12.2026 11:00 МСК", "href=\"/audit/checkpoints\" data-test=\"checkpoints-link\"");

        HttpResponse<String> checked = open("/audit/checkpoints/inclusion?sequence=3");
        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(checked.body()).contains("data-passed=\"true\"",
                "Запись №3 включена в журнал, подпись контрольной точки верна");
        GATEWAY.verify(getRequestedFor(urlEqualTo("/api/audit/entries/3/leaf")).withHeader("Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .+")));
        // The public proofs go without the person's token.
        GATEWAY.verify(getRequestedFor(urlEqualTo("/api/audit/public/proofs/inclusion?index=2&treeSize=7"))
                .withHeader("Authorization", absent()));

        HttpResponse<String> wrong = open("/audit/checkpoints/inclusion?sequence=x");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Номер записи — целое число от 1");

        signInAs("WORKER");
        assertThat(open("/audit/checkpoints").statusCode()).isEqualTo(403);
    }

    @Test
    void aTamperedProofALaterEntryOrAForeignSignatureIsNamed() throws Exception {
        signInAs("AUDITOR");
        Log log = stubLog();
        // The service answers a proof of another leaf for entry 5.
        GATEWAY.stubFor(get(urlEqualTo("/api/audit/public/proofs/inclusion?index=4&treeSize=7")).willReturn(okJson(
                json(Map.of("leafIndex", 4, "treeSize", 7, "hashes", ProofCheckTest.path(5, log.leaves()).stream()
                        .map(AgencyAndAuditPagesIT::b64).toList())))));

        assertThat(open("/audit/checkpoints/inclusion?sequence=5").body()).contains("data-passed=\"false\"",
                "Запись №5 не подтверждена: доказательство включения не сходится к корню контрольной точки");
        assertThat(open("/audit/checkpoints/inclusion?sequence=8").body()).contains("data-passed=\"false\"",
                "Запись №8 ещё не вошла в последнюю контрольную точку");

        // A checkpoint signed by another key than the log's.
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        GATEWAY.stubFor(get(urlEqualTo("/api/audit/public/verifier-key")).willReturn(aResponse()
                .withHeader("Content-Type", "text/plain").withBody(ProofCheckTest.vkey("frmr.test/audit",
                        ProofCheckTest.rawPublicKey(other)))));
        HttpResponse<String> foreign = open("/audit/checkpoints/inclusion?sequence=3");
        assertThat(foreign.body()).contains("data-valid=\"false\"", "Контрольная точка не прошла проверку");
    }

    @Test
    void twoCheckpointsAreCheckedForConsistency() throws Exception {
        signInAs("AUDITOR");
        Log log = stubLog();

        HttpResponse<String> consistent = open("/audit/checkpoints/consistency?from=4&to=7");
        assertThat(consistent.statusCode()).isEqualTo(200);
        assertThat(consistent.body()).contains("data-passed=\"true\"", "Контрольные точки согласованы: дерево из 4 "
                + "записей — начало дерева из 7, подписи обеих верны");

        HttpResponse<String> unknown = open("/audit/checkpoints/consistency?from=5&to=7");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Контрольной точки с размером 5 среди последних 100 нет");
        assertThat(open("/audit/checkpoints/consistency?from=7&to=4").body())
                .contains("Более поздняя контрольная точка не может быть меньше более ранней");

        // A rewritten history: the proof the service gives does not join the two signed roots.
        GATEWAY.stubFor(get(urlEqualTo("/api/audit/public/proofs/consistency?from=4&to=7")).willReturn(okJson(
                json(Map.of("from", 4, "to", 7, "hashes", ProofCheckTest.proof(4, ProofCheckTest.leaves(8)
                        .subList(1, 8)).stream().map(AgencyAndAuditPagesIT::b64).toList())))));
        assertThat(open("/audit/checkpoints/consistency?from=4&to=7").body()).contains("data-passed=\"false\"",
                "Согласованность не подтверждена");
        assertThat(log.note4()).isNotEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** Whether any portal session in Mongo holds {@code secret} (sessions are stored as serialized attributes). */
    private boolean sessionsContain(String secret) {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        for (org.bson.Document session : mongo.getCollection("portal_sessions").find()) {
            RawBsonDocument raw = new RawBsonDocument(session, new DocumentCodec());
            java.nio.ByteBuffer buffer = raw.getByteBuffer().asNIO();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            if (indexOf(bytes, needle) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
