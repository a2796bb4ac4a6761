package ru.frmr.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * «Обращения»: filing one (with a scan through documents-service, attached as SUPPORT_REQUEST once the request has
 * its id) and the ticket number shown at once; one request with its messages, closed or reopened; a request without
 * login (an e-mail address, the service's rate limit said in words); the SUPPORT queue with the time left, taking
 * and answering. WireMock answers as notification-service and documents-service would through the gateway.
 */
class SupportPagesIT extends PortalTestSupport {

    private static final String REQUEST_ID = "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f";
    private static final String OTHER_ID = "8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a";
    private static final String DOCUMENT_ID = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
    private static final String TICKET = "ФРМР-2026-000123";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    private static final String TEXT = "Не могу скачать справку о квалификации: кнопка не отвечает.";

    private static Map<String, String> newRequest(String topic, String text, String channel) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("topic", topic);
        form.put("text", text);
        form.put("answerChannel", channel);
        return form;
    }

    private void stubFiling() {
        GATEWAY.stubFor(post(urlEqualTo("/api/support/requests")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"%s","ticketNumber":"%s","status":"NEW"}""".formatted(REQUEST_ID, TICKET))));
        GATEWAY.stubFor(post(urlEqualTo("/api/documents/files")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"documentId":"%s","mediaType":"image/png","sizeBytes":12,"sha256":"ab"}"""
                        .formatted(DOCUMENT_ID))));
        GATEWAY.stubFor(post(urlEqualTo("/api/documents/files/" + DOCUMENT_ID + "/attachments"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{}")));
    }

    @Test
    void aRequestWithAScanIsFiledAndItsTicketNumberShownAtOnce() throws Exception {
        signInAs("WORKER");
        stubFiling();
        String form = everyFormCarriesCsrf(open("/support/new").body());
        assertThat(form).contains("enctype=\"multipart/form-data\"", "<label for=\"topic\">Тема</label>",
                "Справки", "Скан документа (необязательно)", "Куда прислать ответ",
                "На электронную почту и в личный кабинет", "Только в личный кабинет");

        HttpResponse<String> sent = submitWithFile("/support/new", newRequest("CERTIFICATES", "  " + TEXT + "\r\n",
                "INBOX"), "экран.png", "image/png", PNG, csrf(form));

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/support/filed");
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/documents/files"))
                .withRequestBodyPart(aMultipart().withName("file").withBody(binaryEqualTo(PNG)).build()));
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/support/requests"))
                .withHeader("Authorization", equalTo("Bearer " + token("WORKER")))
                .withRequestBody(equalToJson("""
                        {"topic":"CERTIFICATES","text":"%s","answerChannel":"INBOX","documentIds":["%s"]}"""
                        .formatted(TEXT, DOCUMENT_ID))));
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/documents/files/" + DOCUMENT_ID + "/attachments"))
                .withRequestBody(equalToJson("{\"purpose\":\"SUPPORT_REQUEST\",\"targetId\":\"" + REQUEST_ID
                        + "\"}")));

        HttpResponse<String> filed = open("/support/filed");
        assertThat(filed.body()).contains("Обращение принято", "class=\"ticket-number\"", TICKET,
                "Скан приложен к обращению: экран.png, PNG, 1 КБ.", "href=\"/support/" + REQUEST_ID + "\"",
                "в раздел «Уведомления»");
        assertThat(open("/support/filed").headers().firstValue("Location").orElseThrow()).endsWith("/support");
    }

    @Test
    void aRequestWithoutATopicOrWithTooShortATextIsSaidBesideItsFieldsAndNotSent() throws Exception {
        signInAs("WORKER");
        stubFiling();
        String csrf = csrf(open("/support/new").body());

        HttpResponse<String> wrong = submitWithFile("/support/new", newRequest("", "помогите", "EMAIL"),
                "экран.png", "image/png", PNG, csrf);

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Исправьте ошибки", "href=\"#topic\"", "Выберите тему обращения.",
                "href=\"#text\"", "id=\"text-error\"", "не меньше 10 символов", ">помогите</textarea>",
                "Файл не отправлен: исправьте ошибки и выберите его ещё раз.");
        GATEWAY.verify(0, postRequestedFor(urlEqualTo("/api/support/requests")));
        GATEWAY.verify(0, postRequestedFor(urlEqualTo("/api/documents/files")));

        GATEWAY.stubFor(post(urlEqualTo("/api/support/requests")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"https://frmr.ru/problems/validation","status":400,
                         "errors":[{"field":"answerChannel","message":"must be EMAIL or INBOX"}]}""")));
        HttpResponse<String> refused = submit("/support/new", newRequest("OTHER", TEXT, "EMAIL"), csrf);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("href=\"#answerChannel\"", "id=\"answerChannel-error\"");
    }

    private void stubDetail(String status, boolean canClose, boolean canReopen) {
        GATEWAY.stubFor(get(urlEqualTo("/api/support/me/requests/" + REQUEST_ID)).willReturn(okJson("""
                {"id":"%s","ticketNumber":"%s","topic":"CERTIFICATES","text":"%s","status":"%s",
                 "filedAt":"2026-12-06T08:00:00Z","answerChannel":"EMAIL",
                 "messages":[{"author":"REQUESTER","text":"%s","at":"2026-12-06T08:00:00Z"},
                             {"author":"SUPPORT","text":"Обновите страницу и нажмите «Скачать PDF» ещё раз.",
                              "at":"2026-12-06T10:00:00Z"}],
                 "attachments":[{"documentId":"%s","mediaType":"image/png","sizeBytes":2048}],
                 "canReopen":%s,"canClose":%s}""".formatted(REQUEST_ID, TICKET, TEXT, status, TEXT, DOCUMENT_ID,
                canReopen, canClose))));
    }

    @Test
    void myRequestsAreListedWithStatusesAndOneShowsItsAnswer() throws Exception {
        signInAs("WORKER");
        GATEWAY.stubFor(get(urlEqualTo("/api/support/me/requests")).willReturn(okJson("""
                {"items":[{"id":"%s","ticketNumber":"%s","topic":"CERTIFICATES","status":"ANSWERED",
                  "filedAt":"2026-12-06T08:00:00Z","answeredAt":"2026-12-06T10:00:00Z"},
                 {"id":"%s","ticketNumber":"ФРМР-2026-000124","topic":"LOGIN","status":"NEW",
                  "filedAt":"2026-12-06T09:00:00Z","answeredAt":null}]}""".formatted(REQUEST_ID, TICKET, OTHER_ID))));
        stubDetail("ANSWERED", true, true);

        assertThat(open("/support").body()).contains(TICKET, "Есть ответ", "Справки", "ФРМР-2026-000124", "Новое",
                "Вход в личный кабинет", "06.12.2026 13:00 МСК", "href=\"/support/" + REQUEST_ID + "\"",
                "href=\"/support/new\"");

        HttpResponse<String> detail = open("/support/" + REQUEST_ID);
        assertThat(everyFormCarriesCsrf(detail.body())).contains(TICKET, "Есть ответ", TEXT, "Служба поддержки",
                "Обновите страницу и нажмите «Скачать PDF» ещё раз.", "href=\"/documents/" + DOCUMENT_ID + "\"",
                "Скан: PNG, 2 КБ", "Закрыть обращение", "Открыть обращение снова");

        GATEWAY.resetRequests();
        assertThat(open("/support/not-an-id").statusCode()).isEqualTo(404);
        GATEWAY.verify(0, getRequestedFor(urlPathEqualTo("/api/support/me/requests/not-an-id")));
    }

    @Test
    void aRequestIsClosedOrReopenedWithAText() throws Exception {
        signInAs("WORKER");
        stubDetail("ANSWERED", true, true);
        GATEWAY.stubFor(post(urlEqualTo("/api/support/me/requests/" + REQUEST_ID + "/close"))
                .willReturn(aResponse().withStatus(204)));
        GATEWAY.stubFor(post(urlEqualTo("/api/support/me/requests/" + REQUEST_ID + "/reopen"))
                .willReturn(aResponse().withStatus(204)));
        String csrf = csrf(open("/support/" + REQUEST_ID).body());

        HttpResponse<String> closed = submit("/support/" + REQUEST_ID + "/close", Map.of(), csrf);
        assertThat(closed.statusCode()).isEqualTo(302);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/support/me/requests/" + REQUEST_ID + "/close")));
        assertThat(open("/support/" + REQUEST_ID).body()).contains("Обращение закрыто.");

        HttpResponse<String> tooShort = submit("/support/" + REQUEST_ID + "/reopen", Map.of("text", "нет"), csrf);
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("href=\"#reopenText\"", "id=\"reopenText-error\"");
        GATEWAY.verify(0, postRequestedFor(urlEqualTo("/api/support/me/requests/" + REQUEST_ID + "/reopen")));

        submit("/support/" + REQUEST_ID + "/reopen", Map.of("text", "Кнопка по-прежнему не отвечает."), csrf);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/support/me/requests/" + REQUEST_ID + "/reopen"))
                .withRequestBody(equalToJson("{\"text\":\"Кнопка по-прежнему не отвечает.\"}")));
        assertThat(open("/support/" + REQUEST_ID).body()).contains("Обращение открыто снова.");

        GATEWAY.stubFor(post(urlEqualTo("/api/support/me/requests/" + REQUEST_ID + "/reopen"))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"https://frmr.ru/problems/conflict\",\"status\":409}")));
        submit("/support/" + REQUEST_ID + "/reopen", Map.of("text", "Кнопка по-прежнему не отвечает."), csrf);
        assertThat(open("/support/" + REQUEST_ID).body()).contains("прошло 14 дней после ответа");
    }

    // --- without login -----------------------------------------------------------------------------------------

    @Test
    void someoneWhoCannotLogInFilesWithAnEmailAndGetsTheNumber() throws Exception {
        GATEWAY.stubFor(post(urlEqualTo("/api/support/public/requests")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ticketNumber\":\"" + TICKET + "\",\"status\":\"NEW\"}")));
        assertThat(open("/").body()).contains("href=\"/support/public/new\"");
        String form = everyFormCarriesCsrf(open("/support/public/new").body());
        assertThat(form).contains("Электронная почта для ответа", "type=\"email\"").doesNotContain("type=\"file\"",
                "multipart");

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("topic", "LOGIN");
        fields.put("text", "Госуслуги пишут, что вход выполнен, а кабинет не открывается.");
        fields.put("email", "not-an-address");
        HttpResponse<String> wrong = submit("/support/public/new", fields, csrf(form));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("href=\"#email\"", "name@example.ru");
        GATEWAY.verify(0, postRequestedFor(urlEqualTo("/api/support/public/requests")));

        fields.put("email", " ivanova@mail.ru ");
        HttpResponse<String> sent = submit("/support/public/new", fields, csrf(form));
        assertThat(sent.statusCode()).isEqualTo(302);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/support/public/requests")).withoutHeader("Authorization")
                .withRequestBody(equalToJson("""
                        {"topic":"LOGIN","text":"Госуслуги пишут, что вход выполнен, а кабинет не открывается.",
                         "email":"ivanova@mail.ru"}""")));
        assertThat(open(sent.headers().firstValue("Location").orElseThrow()).body()).contains(TICKET,
                "class=\"ticket-number\"", "Ответ придёт на указанную электронную почту");
    }

    @Test
    void overThePublicLimitThePageSaysWhenToTryAgain() throws Exception {
        GATEWAY.stubFor(post(urlEqualTo("/api/support/public/requests")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "1500").withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/rate-limited\",\"status\":429}")));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("topic", "OTHER");
        fields.put("text", "Вопрос о работе открытого реестра.");
        fields.put("email", "ivanova@mail.ru");

        HttpResponse<String> limited = submit("/support/public/new", fields, csrf(open("/support/public/new").body()));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("Повторите через 25 мин.", "value=\"ivanova@mail.ru\"");
    }

    @Test
    void signedInThePublicFormLeadsToTheCabinetsOne() throws Exception {
        signInAs("WORKER");
        assertThat(open("/support/public/new").headers().firstValue("Location").orElseThrow())
                .endsWith("/support/new");
        assertThat(open("/support/new").body()).contains("action=\"/support/new\"",
                "<a href=\"/support\" data-test=\"footer-support\">Обратиться в");
    }

    // --- the SUPPORT queue ---------------------------------------------------------------------------------------

    private void stubQueue() {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/support/admin/queue")).willReturn(okJson("""
                {"items":[
                  {"id":"%s","ticketNumber":"ФРМР-2026-000120","topic":"LOGIN","status":"IN_WORK",
                   "filedAt":"2026-12-05T06:00:00Z","answerDueAt":"2026-12-06T06:00:00Z","secondsLeft":-7200,
                   "overdue":true},
                  {"id":"%s","ticketNumber":"%s","topic":"CERTIFICATES","status":"NEW",
                   "filedAt":"2026-12-06T08:00:00Z","answerDueAt":"2026-12-07T08:00:00Z","secondsLeft":83400,
                   "overdue":false}]}""".formatted(OTHER_ID, REQUEST_ID, TICKET))));
        GATEWAY.stubFor(get(urlEqualTo("/api/support/admin/requests/" + REQUEST_ID)).willReturn(okJson("""
                {"id":"%s","ticketNumber":"%s","topic":"CERTIFICATES","text":"%s","status":"NEW",
                 "filedAt":"2026-12-06T08:00:00Z","answerChannel":"EMAIL",
                 "messages":[{"author":"REQUESTER","text":"%s","at":"2026-12-06T08:00:00Z"}],
                 "attachments":[{"documentId":"%s","mediaType":"application/pdf","sizeBytes":358400}],
                 "requesterAccountId":"a-1","anonymous":false,"secondsLeft":83400,"overdue":false}"""
                .formatted(REQUEST_ID, TICKET, TEXT, TEXT, DOCUMENT_ID))));
    }

    @Test
    void theQueueShowsTheOldestFirstWithTheTimeLeft() throws Exception {
        signInAs("SUPPORT");
        stubQueue();

        HttpResponse<String> queue = open("/support/queue");

        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("Очередь обращений", "Обращений: 2", "просрочено на 2 ч",
                "осталось 23 ч 10 мин", "time-overdue", "href=\"/support/queue/" + REQUEST_ID + "\"");
        assertThat(queue.body().indexOf("ФРМР-2026-000120")).isLessThan(queue.body().indexOf(TICKET));
        GATEWAY.verify(1, getRequestedFor(urlEqualTo("/api/support/admin/queue")));

        open("/support/queue?status=CLOSED");
        GATEWAY.verify(1, getRequestedFor(urlEqualTo("/api/support/admin/queue?status=CLOSED")));
        open("/support/queue?status=whatever");
        GATEWAY.verify(2, getRequestedFor(urlEqualTo("/api/support/admin/queue")));
    }

    @Test
    void theCabinetOfSupportCountsTheOpenRequests() throws Exception {
        signInAs("SUPPORT");
        stubQueue();
        assertThat(open("/cabinet").body()).contains("Служба поддержки", "Открытых обращений: 2");

        GATEWAY.stubFor(get(urlPathEqualTo("/api/support/admin/queue")).willReturn(aResponse().withStatus(503)));
        HttpResponse<String> uncounted = open("/cabinet");
        assertThat(uncounted.statusCode()).isEqualTo(200);
        assertThat(uncounted.body()).contains(">Очередь обращений</a>").doesNotContain("Открытых обращений");
    }

    @Test
    void supportTakesARequestAndAnswersIt() throws Exception {
        signInAs("SUPPORT");
        stubQueue();
        String take = "/api/support/admin/requests/" + REQUEST_ID + "/take";
        String answer = "/api/support/admin/requests/" + REQUEST_ID + "/answer";
        GATEWAY.stubFor(post(urlEqualTo(take)).willReturn(aResponse().withStatus(204)));
        GATEWAY.stubFor(post(urlEqualTo(answer)).willReturn(aResponse().withStatus(204)));

        HttpResponse<String> page = open("/support/queue/" + REQUEST_ID);
        assertThat(everyFormCarriesCsrf(page.body())).contains(TICKET, "Пользователь личного кабинета", TEXT,
                "осталось 23 ч 10 мин",
                "Взять в работу", "href=\"/documents/" + DOCUMENT_ID + "\"", "Скан: PDF, 350 КБ")
                .doesNotContain("Отправить ответ");
        assertThat(submit("/support/queue/" + REQUEST_ID + "/take", Map.of(), csrf(page.body())).statusCode())
                .isEqualTo(302);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(take)));

        GATEWAY.stubFor(get(urlEqualTo("/api/support/admin/requests/" + REQUEST_ID)).willReturn(okJson("""
                {"id":"%s","ticketNumber":"%s","topic":"CERTIFICATES","text":"%s","status":"IN_WORK",
                 "filedAt":"2026-12-06T08:00:00Z","answerChannel":"EMAIL","messages":[],"attachments":[],
                 "requesterAccountId":null,"anonymous":true,"secondsLeft":-120,"overdue":true}"""
                .formatted(REQUEST_ID, TICKET, TEXT))));
        String inWork = open("/support/queue/" + REQUEST_ID).body();
        assertThat(inWork).contains("Обращение взято в работу.", "Отправить ответ",
                "Ответ уйдёт на электронную почту обратившегося.", "Без входа в кабинет", "просрочено на 2 мин",
                "Переписка появится через");

        HttpResponse<String> empty = submit("/support/queue/" + REQUEST_ID + "/answer", Map.of("text", " "),
                csrf(inWork));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("href=\"#answer\"", "Напишите ответ.");
        assertThat(submit("/support/queue/" + REQUEST_ID + "/answer", Map.of("text", "Д"), csrf(inWork)).body())
                .contains("не меньше 2 символов");
        GATEWAY.verify(0, postRequestedFor(urlEqualTo(answer)));

        HttpResponse<String> answered = submit("/support/queue/" + REQUEST_ID + "/answer",
                Map.of("text", "Обновите страницу и нажмите «Скачать PDF» ещё раз."), csrf(inWork));
        assertThat(answered.statusCode()).isEqualTo(302);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(answer)).withRequestBody(equalToJson(
                "{\"text\":\"Обновите страницу и нажмите «Скачать PDF» ещё раз.\"}")));
    }

    @Test
    void onlySupportHasTheQueueAndItsEntryInTheMenu() throws Exception {
        signInAs("WORKER");
        GATEWAY.stubFor(get(urlEqualTo("/api/support/me/requests")).willReturn(okJson("{\"items\":[]}")));
        assertThat(open("/support/queue").statusCode()).isEqualTo(403);
        assertThat(open("/support/queue/" + REQUEST_ID).statusCode()).isEqualTo(403);
        String mine = open("/support").body();
        assertThat(mine).contains("Вы ещё не обращались в поддержку.").doesNotContain("href=\"/support/queue\"");
        GATEWAY.verify(0, getRequestedFor(urlPathEqualTo("/api/support/admin/queue")));

        signInAs("SUPPORT");
        stubQueue();
        assertThat(open("/support/queue").body()).contains("href=\"/support/queue\"")
                .doesNotContain("href=\"/admin/notifications/failed\"");
    }
}
