package ru.frmr.portal.web.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Which states the list keeps asking about, and how each reads. */
class CertificateWordsTest {

    private final CertificateWords words = new CertificateWords();
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode item(String status, String delivery, String channel) throws Exception {
        return json.readTree("{\"status\":\"" + status + "\",\"delivery\":\"" + delivery + "\""
                + (channel == null ? "" : ",\"channel\":\"" + channel + "\"") + "}");
    }

    @Test
    void onlyStatesThatChangeByThemselvesAreAskedAboutAgain() throws Exception {
        assertThat(words.live(item("REQUESTED", "DOWNLOAD", null))).isTrue();
        assertThat(words.live(item("IN_WORK", "POST", null))).isTrue();
        // On its way by e-mail: delivered within seconds, with no one acting.
        assertThat(words.live(item("READY", "EMAIL", null))).isTrue();
        // Waiting for her download, or for the administrator's post: nothing changes by itself.
        assertThat(words.live(item("READY", "DOWNLOAD", null))).isFalse();
        assertThat(words.live(item("READY", "POST", null))).isFalse();
        assertThat(words.live(item("DELIVERED", "EMAIL", "EMAILED"))).isFalse();
        assertThat(words.live(item("REFUSED", "DOWNLOAD", null))).isFalse();
    }

    @Test
    void eachStateReadsInRussianByHowItIsDelivered() throws Exception {
        assertThat(words.status(item("REQUESTED", "DOWNLOAD", null))).isEqualTo("Запрошена");
        assertThat(words.status(item("IN_WORK", "DOWNLOAD", null))).isEqualTo("Готовится");
        assertThat(words.status(item("READY", "DOWNLOAD", null))).isEqualTo("Готова — можно скачать");
        assertThat(words.status(item("READY", "POST", null))).isEqualTo("Готова, ждёт отправки почтой");
        assertThat(words.status(item("DELIVERED", "DOWNLOAD", "DOWNLOADED"))).isEqualTo("Скачана");
        assertThat(words.status(item("DELIVERED", "POST", null))).isEqualTo("Отправлена почтой");
        assertThat(words.status(item("DELIVERED", "EMAIL", "EMAILED"))).isEqualTo("Отправлена на электронную почту");
        assertThat(words.status(item("REFUSED", "EMAIL", null))).isEqualTo("Отказано");
        assertThat(words.downloadable(item("READY", "POST", null))).isTrue();
        assertThat(words.downloadable(item("IN_WORK", "DOWNLOAD", null))).isFalse();
    }

    @Test
    void theVerificationSaysEachAnswerInWords() {
        assertThat(words.verification("VALID")).isEqualTo("Справка действительна");
        assertThat(words.verification("EXPIRED")).isEqualTo("Срок действия истёк");
        assertThat(words.verification("REVOKED")).isEqualTo("Отозвана");
        assertThat(words.verification("UNKNOWN")).isEqualTo("Справка с таким номером не выдавалась");
    }

    @Test
    void everyRefusalOfAFileHasItsOwnReasonAndAnUnknownOneAGeneralOne() {
        assertThat(DocumentUploads.reason("upload-empty")).startsWith("Файл пустой");
        assertThat(DocumentUploads.reason("upload-too-large")).startsWith("Файл больше 5 МБ");
        assertThat(DocumentUploads.reason("upload-polyglot")).contains("другого формата");
        assertThat(DocumentUploads.reason("upload-undecodable-image")).startsWith("Изображение повреждено");
        assertThat(DocumentUploads.reason("something-new")).isEqualTo(
                "Файл не принят. Загрузите PDF, JPEG или PNG размером до 5 МБ.");
        assertThat(DocumentUploads.size(5L * 1024 * 1024)).isEqualTo("5,0 МБ");
        assertThat(DocumentUploads.size(1)).isEqualTo("1 КБ");
    }
}
