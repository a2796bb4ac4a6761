package ru.frmr.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scan with a profile change: the file goes to documents-service as it came (multipart, the browser's declared
 * type), only once the form's fields are right; the change goes on through the step-up, and once the registry gave
 * it an id the scan is attached to it (PROFILE_CHANGE). A refused file is said in Russian beside the field and
 * nothing is sent; a scan that cannot be attached afterwards leaves the change on moderation and says so.
 */
class ScanUploadPagesIT extends PortalTestSupport {

    private static final String CHANGES = "/api/registry/workers/" + WORKER_ID + "/changes";
    private static final String CHANGE_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private static final String DOCUMENT_ID = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
    private static final String FILES = "/api/documents/files";
    private static final String ATTACH = FILES + "/" + DOCUMENT_ID + "/attachments";
    /** The start of a JPEG; documents-service (stubbed here) is what reads the bytes. */
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    @BeforeEach
    void platform() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/dictionaries/accreditation-kinds")).willReturn(okJson("""
                {"name":"accreditation-kinds","version":1,"items":[{"code":"PERIODIC","name":"Периодическая аккредитация"}]}""")));
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/step-up")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"CODE_SENT\",\"sentTo\":\"k***@frmr.test\"}")));
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/step-up/verify")).willReturn(okJson(
                "{\"access_token\":\"step-up-1\",\"token_type\":\"Bearer\",\"expires_in\":300,\"step_up\":true}")));
        GATEWAY.stubFor(post(urlEqualTo(CHANGES)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"changeId\":\"" + CHANGE_ID + "\"}")));
        GATEWAY.stubFor(post(urlEqualTo(FILES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"documentId":"%s","mediaType":"image/jpeg","sizeBytes":1258291,"sha256":"ab12",
                         "uploadedAt":"2026-12-06T08:00:00Z","purpose":null,"targetId":null,"organizationId":null}"""
                        .formatted(DOCUMENT_ID))));
        GATEWAY.stubFor(post(urlEqualTo(ATTACH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        signInAs("WORKER");
    }

    @Test
    void theFormSaysWhatItTakesAndPostsMultipartWithItsToken() throws Exception {
        String page = everyFormCarriesCsrf(open("/profile/accreditation/new").body());

        assertThat(page).contains("enctype=\"multipart/form-data\"", "type=\"file\"", "name=\"file\"",
                "accept=\".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png\"", "PDF, JPEG или PNG",
                "не больше 5 МБ", "Скан документа (необязательно)", "aria-describedby=\"file-hint\"");
    }

    @Test
    void aJpegGoesToDocumentsAndIsAttachedToTheChangeOnceTheRegistryTookIt() throws Exception {
        HttpResponse<String> sent = submitWithFile("/profile/accreditation/new", accreditation(), "диплом.jpg",
                "image/jpeg", JPEG, csrf(open("/profile/accreditation/new").body()));

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/step-up");
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(FILES))
                .withHeader("Authorization", equalTo("Bearer " + token("WORKER")))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBodyPart(aMultipart().withName("file").withHeader("Content-Type", equalTo("image/jpeg"))
                        .withBody(binaryEqualTo(JPEG)).build()));
        // Attached to nothing yet: the change has no id before the step-up.
        GATEWAY.verify(0, postRequestedFor(urlEqualTo(ATTACH)));
        assertThat(open("/step-up").body()).contains("Скан документа", "диплом.jpg, JPEG, 1,2 МБ");

        HttpResponse<String> confirmed = submit("/step-up", Map.of("code", "654321"), csrf(open("/step-up").body()));

        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).endsWith("/profile/submitted");
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(CHANGES)));
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(ATTACH))
                .withHeader("Authorization", equalTo("Bearer " + token("WORKER")))
                .withRequestBody(equalToJson("{\"purpose\":\"PROFILE_CHANGE\",\"targetId\":\"" + CHANGE_ID + "\"}")));
        assertThat(open("/profile/submitted").body()).contains("Изменение отправлено на модерацию",
                "Приложен: диплом.jpg, JPEG, 1,2 МБ").doesNotContain("не приложен");
    }

    @Test
    void aFileDocumentsRefusesIsSaidInRussianBesideTheFieldAndNothingIsSent() throws Exception {
        GATEWAY.stubFor(post(urlEqualTo(FILES)).willReturn(aResponse().withStatus(415)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/upload-type-mismatch\",\"status\":415,"
                        + "\"detail\":\"The file's bytes are not what its name says.\","
                        + "\"errors\":[{\"field\":\"file\",\"message\":\"mismatch\"}]}")));

        HttpResponse<String> refused = submitWithFile("/profile/accreditation/new", accreditation(), "scan.pdf",
                "application/pdf", JPEG, csrf(open("/profile/accreditation/new").body()));

        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(refused.body()).contains("Исправьте ошибки", "href=\"#file\"",
                "id=\"file-error\" data-test=\"file-error\">Содержимое файла не совпадает с его расширением или типом.",
                "aria-describedby=\"file-error file-hint\"", "value=\"П-17/2024\"");
        GATEWAY.verify(0, postRequestedFor(urlEqualTo("/api/auth/step-up")));
        GATEWAY.verify(0, postRequestedFor(urlEqualTo(CHANGES)));

        GATEWAY.stubFor(post(urlEqualTo(FILES)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/upload-pdf-javascript\",\"status\":422}")));
        assertThat(submitWithFile("/profile/accreditation/new", accreditation(), "scan.pdf", "application/pdf",
                JPEG, csrf(open("/profile/accreditation/new").body())).body())
                .contains("PDF содержит сценарии, команды запуска или вложенные файлы");
    }

    @Test
    void fiveMibIsSentAndOneByteMoreIsRefusedByThePortalWithoutSendingIt() throws Exception {
        byte[] limit = new byte[5 * 1024 * 1024];
        Arrays.fill(limit, (byte) 'x');
        assertThat(submitWithFile("/profile/accreditation/new", accreditation(), "scan.png", "image/png", limit,
                csrf(open("/profile/accreditation/new").body())).statusCode()).isEqualTo(302);
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(FILES)));

        byte[] over = Arrays.copyOf(limit, limit.length + 1);
        HttpResponse<String> refused = submitWithFile("/profile/accreditation/new", accreditation(), "scan.png",
                "image/png", over, csrf(open("/profile/accreditation/new").body()));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("Файл больше 5 МБ.");
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(FILES)));
    }

    @Test
    void aFormWithWrongFieldsSendsNoFileAndAsksForItAgain() throws Exception {
        Map<String, String> wrong = accreditation();
        wrong.put("protocolDate", "");

        HttpResponse<String> refused = submitWithFile("/profile/accreditation/new", wrong, "scan.jpg", "image/jpeg",
                JPEG, csrf(open("/profile/accreditation/new").body()));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Файл не отправлен: исправьте ошибки и выберите его ещё раз.");
        GATEWAY.verify(0, postRequestedFor(urlEqualTo(FILES)));
    }

    @Test
    void aScanThatCannotBeAttachedLeavesTheChangeOnModerationAndSaysSo() throws Exception {
        GATEWAY.stubFor(post(urlEqualTo(ATTACH)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/service-unavailable\",\"status\":503}")));
        submitWithFile("/profile/accreditation/new", accreditation(), "scan.jpg", "image/jpeg", JPEG,
                csrf(open("/profile/accreditation/new").body()));

        HttpResponse<String> confirmed = submit("/step-up", Map.of("code", "654321"), csrf(open("/step-up").body()));

        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).endsWith("/profile/submitted");
        GATEWAY.verify(1, postRequestedFor(urlEqualTo(CHANGES)));
        assertThat(open("/profile/submitted").body()).contains("Изменение отправлено на модерацию",
                "Изменение отправлено на модерацию, но скан к нему не приложен: сервис документов не принял его "
                        + "сейчас. Изменение сохранено");
    }

    @Test
    void withoutAFileNothingGoesToDocuments() throws Exception {
        submitWithFile("/profile/accreditation/new", accreditation(), "", "application/octet-stream", new byte[0],
                csrf(open("/profile/accreditation/new").body()));
        submit("/step-up", Map.of("code", "654321"), csrf(open("/step-up").body()));

        GATEWAY.verify(1, postRequestedFor(urlEqualTo(CHANGES)));
        GATEWAY.verify(0, postRequestedFor(urlEqualTo(FILES)));
        assertThat(open("/profile/submitted").body()).doesNotContain("Скан документа");
    }

    private static Map<String, String> accreditation() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", "PERIODIC");
        form.put("protocolNumber", "П-17/2024");
        form.put("protocolDate", "2024-06-01");
        form.put("specialtyCode", "31.08.49");
        return form;
    }
}
