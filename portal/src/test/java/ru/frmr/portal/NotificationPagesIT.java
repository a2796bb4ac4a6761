package ru.frmr.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * «Уведомления»: the header's unread count on every signed-in page (and no badge, never an error, when it cannot be
 * had), the inbox with its mark-read forms, the settings (security rows fixed, quiet hours checked beside their
 * fields) and the operators' failed notices; WireMock answers as notification-service would through the gateway.
 */
class NotificationPagesIT extends PortalTestSupport {

    private static final String COUNT = "/api/notifications/me/inbox/unread-count";
    private static final String INBOX = "/api/notifications/me/inbox";
    private static final String PREFERENCES = "/api/notifications/me/preferences";
    private static final String N1 = "1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d";
    private static final String N2 = "2b3c4d5e-6f7a-4b2c-9d3e-4f5a6b7c8d9e";

    private void stubSessions() {
        GATEWAY.stubFor(get(urlEqualTo("/api/auth/sessions")).willReturn(okJson("[]")));
    }

    @Test
    void everySignedInPageShowsTheUnreadCountFromOneCall() throws Exception {
        signInAs("WORKER");
        stubSessions();
        GATEWAY.stubFor(get(urlEqualTo(COUNT)).willReturn(okJson("{\"unread\":3}")));

        HttpResponse<String> page = open("/sessions");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/notifications\"", "data-test=\"unread-badge\"", ">3</span>",
                ", 3 непрочитанных", "href=\"/support\"", "Обращения");
        GATEWAY.verify(1, getRequestedFor(urlEqualTo(COUNT)).withHeader("Authorization",
                equalTo("Bearer " + token("WORKER"))));

        GATEWAY.stubFor(get(urlEqualTo(COUNT)).willReturn(okJson("{\"unread\":0}")));
        assertThat(open("/sessions").body()).contains("Уведомления").doesNotContain("data-test=\"unread-badge\"");
    }

    @Test
    void aCountThatFailsOrIsLateIsNoBadgeAndThePageStillOpens() throws Exception {
        signInAs("WORKER");
        stubSessions();
        GATEWAY.stubFor(get(urlEqualTo(COUNT)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":503}")));
        HttpResponse<String> failed = open("/sessions");
        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.body()).contains("Активные сеансы", "Уведомления").doesNotContain("unread-badge");

        // Longer than the glance waits: the page is rendered without the count.
        GATEWAY.stubFor(get(urlEqualTo(COUNT)).willReturn(okJson("{\"unread\":5}").withFixedDelay(3000)));
        HttpResponse<String> late = open("/sessions");
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(late.body()).contains("Активные сеансы").doesNotContain("unread-badge");
    }

    @Test
    void visitorsGetNoCountCall() throws Exception {
        assertThat(open("/").body()).doesNotContain("href=\"/notifications\"").contains("/support/public/new");
        GATEWAY.verify(0, getRequestedFor(urlEqualTo(COUNT)));
    }

    private void stubInbox() {
        GATEWAY.stubFor(get(urlPathEqualTo(INBOX)).willReturn(okJson("""
                {"items":[
                  {"id":"%s","kind":"LICENSE_EXPIRING","title":"Срок аккредитации истекает 26.12.2026",
                   "body":"Аккредитация по специальности «Терапия» действует до 26.12.2026.",
                   "createdAt":"2026-12-06T08:00:00Z","read":false},
                  {"id":"%s","kind":"CHANGE_APPROVED","title":"Изменение принято","body":"Образование: принято.",
                   "createdAt":"2026-12-05T08:00:00Z","read":true}],"unread":1,"total":2}""".formatted(N1, N2))));
    }

    @Test
    void theInboxListsNoticesUnreadFirstInBoldAndMarksThemRead() throws Exception {
        signInAs("WORKER");
        stubInbox();
        GATEWAY.stubFor(get(urlEqualTo(COUNT)).willReturn(okJson("{\"unread\":1}")));
        GATEWAY.stubFor(post(urlEqualTo(INBOX + "/" + N1 + "/read")).willReturn(aResponse().withStatus(204)));
        GATEWAY.stubFor(post(urlEqualTo(INBOX + "/read-all")).willReturn(aResponse().withStatus(204)));

        HttpResponse<String> inbox = open("/notifications");

        assertThat(everyFormCarriesCsrf(inbox.body())).contains("Непрочитанных: 1",
                "Срок аккредитации истекает 26.12.2026", "действует до 26.12.2026", "06.12.2026 11:00 МСК",
                "notice-unread", "Отметить прочитанным", "Прочитать все", "hx-select-oob=\"#notifications-link\"",
                "href=\"/notifications/settings\"");
        assertThat(inbox.body().split("data-test=\"mark-read\"", -1)).as("one unread notice, one button").hasSize(2);
        GATEWAY.verify(getRequestedFor(urlPathEqualTo(INBOX)).withQueryParam("page", equalTo("0"))
                .withQueryParam("size", equalTo("20")));

        HttpResponse<String> read = submit("/notifications/" + N1 + "/read", Map.of(), csrf(inbox.body()));
        assertThat(read.statusCode()).isEqualTo(302);
        assertThat(read.headers().firstValue("Location").orElseThrow()).endsWith("/notifications");
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(INBOX + "/" + N1 + "/read")));

        HttpResponse<String> all = submit("/notifications/read-all", Map.of(), csrf(inbox.body()));
        assertThat(all.statusCode()).isEqualTo(302);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(INBOX + "/read-all")));
        assertThat(open("/notifications").body()).contains("Все уведомления отмечены прочитанными.");

        GATEWAY.resetRequests();
        assertThat(submit("/notifications/not-an-id/read", Map.of(), csrf(inbox.body())).statusCode())
                .isEqualTo(404);
        GATEWAY.verify(0, postRequestedFor(urlPathEqualTo(INBOX + "/not-an-id/read")));
    }

    @Test
    void anEmptyInboxSaysSo() throws Exception {
        signInAs("EMPLOYER_HR");
        GATEWAY.stubFor(get(urlPathEqualTo(INBOX)).willReturn(okJson("{\"items\":[],\"unread\":0,\"total\":0}")));
        assertThat(open("/notifications").body()).contains("Уведомлений пока нет.", "Непрочитанных нет")
                .doesNotContain("Прочитать все");
    }

    private void stubPreferences() {
        GATEWAY.stubFor(get(urlEqualTo(PREFERENCES)).willReturn(okJson("""
                {"kinds":[
                  {"kind":"LICENSE_EXPIRING","title":"Истекает срок аккредитации или сертификата","security":false,
                   "channels":{"EMAIL":{"available":true,"enabled":true},"SMS":{"available":true,"enabled":false},
                               "INBOX":{"available":true,"enabled":true}}},
                  {"kind":"NEW_DEVICE_LOGIN","title":"Вход с нового устройства","security":true,
                   "channels":{"EMAIL":{"available":true,"enabled":true},"SMS":{"available":true,"enabled":true},
                               "INBOX":{"available":true,"enabled":true}}},
                  {"kind":"CHANGE_APPROVED","title":"Изменение принято","security":false,
                   "channels":{"EMAIL":{"available":true,"enabled":true},"SMS":{"available":false,"enabled":false},
                               "INBOX":{"available":true,"enabled":true}}}],
                 "quietHours":{"enabled":false,"from":"22:00","to":"08:00","timeZone":"Europe/Moscow"},
                 "contacts":{"email":"i***@mail.ru","mobile":null}}""")));
    }

    @Test
    void theSettingsFixSecurityNoticesAndTheInboxAndSendTheWholeTable() throws Exception {
        signInAs("WORKER");
        stubPreferences();
        GATEWAY.stubFor(put(urlEqualTo(PREFERENCES)).willReturn(okJson("{}")));

        HttpResponse<String> page = open("/notifications/settings");

        assertThat(everyFormCarriesCsrf(page.body())).contains("Истекает срок аккредитации или сертификата",
                "Уведомление о безопасности: приходит всегда, отключить нельзя.", "Письма приходят на i***@mail.ru.",
                "Номер мобильного телефона не указан", "Тихие часы", "value=\"22:00\"", "московское");
        assertThat(page.body()).containsPattern("id=\"c-NEW_DEVICE_LOGIN-EMAIL\"[^>]*disabled")
                .containsPattern("id=\"c-LICENSE_EXPIRING-INBOX\"[^>]*disabled")
                .containsPattern("id=\"c-CHANGE_APPROVED-SMS\"[^>]*disabled")
                .containsPattern("name=\"c-LICENSE_EXPIRING-SMS\"")
                .doesNotContain("name=\"c-NEW_DEVICE_LOGIN-EMAIL\"");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("c-LICENSE_EXPIRING-SMS", "on");
        form.put("quietEnabled", "on");
        form.put("quietFrom", "23:00");
        form.put("quietTo", "07:30");
        HttpResponse<String> saved = submit("/notifications/settings", form, csrf(page.body()));

        assertThat(saved.statusCode()).isEqualTo(302);
        GATEWAY.verify(1, putRequestedFor(urlEqualTo(PREFERENCES)).withRequestBody(equalToJson("""
                {"kinds":[
                  {"kind":"LICENSE_EXPIRING","channels":{"EMAIL":{"enabled":false},"SMS":{"enabled":true}}},
                  {"kind":"CHANGE_APPROVED","channels":{"EMAIL":{"enabled":false}}}],
                 "quietHours":{"enabled":true,"from":"23:00","to":"07:30","timeZone":"Europe/Moscow"}}""")));
        assertThat(open("/notifications/settings").body()).contains("Настройки уведомлений сохранены.");
    }

    @Test
    void quietHoursAreCheckedBesideTheirFieldsHereAndAtTheService() throws Exception {
        signInAs("WORKER");
        stubPreferences();
        String csrf = csrf(open("/notifications/settings").body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("c-LICENSE_EXPIRING-EMAIL", "on");
        form.put("quietEnabled", "on");
        form.put("quietFrom", "25:00");
        form.put("quietTo", "08:00");

        HttpResponse<String> wrong = submit("/notifications/settings", form, csrf);

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Исправьте ошибки", "href=\"#quietFrom\"", "id=\"quietFrom-error\"",
                "Укажите начало тихих часов в формате ЧЧ:ММ", "value=\"25:00\"")
                .containsPattern("id=\"c-LICENSE_EXPIRING-EMAIL\"[^>]*checked");
        form.put("quietFrom", "08:00");
        assertThat(submit("/notifications/settings", form, csrf).body())
                .contains("Конец тихих часов должен отличаться от начала.", "id=\"quietTo-error\"");
        GATEWAY.verify(0, putRequestedFor(urlEqualTo(PREFERENCES)));

        GATEWAY.stubFor(put(urlEqualTo(PREFERENCES)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"https://frmr.ru/problems/validation","status":400,
                         "errors":[{"field":"quietHours.to","message":"must be HH:mm"}]}""")));
        form.put("quietFrom", "22:00");
        HttpResponse<String> refused = submit("/notifications/settings", form, csrf);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("href=\"#quietTo\"", "Проверьте конец тихих часов.");
    }

    @Test
    void operatorsSeeFailedNoticesAndRetryThem() throws Exception {
        signInAs("REGISTRY_ADMIN");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/notifications/admin/failed")).willReturn(okJson("""
                {"items":[{"notificationId":"%s","kind":"LICENSE_EXPIRING","channel":"EMAIL","recipient":"a-7",
                  "reason":"RETRIES_EXHAUSTED","attempts":8,"failedAt":"2026-12-06T09:00:00Z"}],"total":1}"""
                .formatted(N1))));
        GATEWAY.stubFor(post(urlEqualTo("/api/notifications/admin/failed/" + N1 + "/retry"))
                .willReturn(aResponse().withStatus(202)));

        HttpResponse<String> page = open("/admin/notifications/failed");

        assertThat(everyFormCarriesCsrf(page.body())).contains("Неотправленные уведомления", "Всего: 1",
                "LICENSE_EXPIRING", "Электронная почта", "a-7", "Не доставлено после всех попыток",
                "06.12.2026 12:00 МСК", "Повторить", "href=\"/admin/notifications/failed\"");
        HttpResponse<String> retried = submit("/admin/notifications/failed/" + N1 + "/retry", Map.of(),
                csrf(page.body()));
        assertThat(retried.statusCode()).isEqualTo(302);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/notifications/admin/failed/" + N1 + "/retry")));
        assertThat(open("/admin/notifications/failed").body())
                .contains("Уведомление поставлено в очередь на повторную отправку.");

        GATEWAY.stubFor(post(urlEqualTo("/api/notifications/admin/failed/" + N1 + "/retry"))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"https://frmr.ru/problems/validation\",\"status\":422}")));
        submit("/admin/notifications/failed/" + N1 + "/retry", Map.of(), csrf(page.body()));
        assertThat(open("/admin/notifications/failed").body()).contains("данные получателя удалены");

        signInAs("WORKER");
        assertThat(open("/admin/notifications/failed").statusCode()).isEqualTo(403);
    }

    @Test
    void anHtmxMarkReadGetsTheListBack() throws Exception {
        signInAs("WORKER");
        stubInbox();
        GATEWAY.stubFor(post(urlEqualTo(INBOX + "/" + N1 + "/read")).willReturn(aResponse().withStatus(204)));
        String page = open("/notifications").body();
        HttpResponse<String> swapped = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/notifications/" + N1 + "/read"))
                .header("HX-Request", "true").header("X-CSRF-TOKEN", csrf(page))
                .POST(HttpRequest.BodyPublishers.ofString("", StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(swapped.statusCode()).isEqualTo(302);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(INBOX + "/" + N1 + "/read")));
    }
}
