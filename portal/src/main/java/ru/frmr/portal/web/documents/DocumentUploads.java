package ru.frmr.portal.web.documents;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.Platform;
import ru.frmr.portal.login.SignedIn;

/**
 * The worker's scans on their way to documents-service: a file chosen on a form is uploaded as it is (streamed from
 * the portal's temporary file, never read into memory), then attached to what the form created — the profile change
 * or the link request — once that exists and has its id. documents-service decides what a file is from its bytes;
 * the portal only says in Russian why a file was refused.
 */
@Component
public class DocumentUploads {

    /** documents-service's limit, 5 MiB: exactly this many bytes pass, one more does not. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    /** The file field's {@code accept}: what the chooser offers (the service checks the bytes anyway). */
    public static final String ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";
    /** The profile change a scan supports; the link request whose employment contract it is. */
    public static final String PROFILE_CHANGE = "PROFILE_CHANGE";
    public static final String LINK_REQUEST = "LINK_REQUEST";
    /** A scan sent with a support request (обращение), for the SUPPORT staff who answer it. */
    public static final String SUPPORT_REQUEST = "SUPPORT_REQUEST";

    private final Platform platform;

    DocumentUploads(Platform platform) {
        this.platform = platform;
    }

    /** A file documents-service took, as the forms and the confirmations show it. */
    public record Uploaded(String documentId, String fileName, String mediaType, long sizeBytes)
            implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        /** «scan.jpg, JPEG, 1,2 МБ». */
        public String describe() {
            String type = switch (mediaType == null ? "" : mediaType) {
                case "application/pdf" -> "PDF";
                case "image/jpeg" -> "JPEG";
                case "image/png" -> "PNG";
                default -> "файл";
            };
            return (fileName == null || fileName.isBlank() ? "Файл" : fileName) + ", " + type + ", "
                    + DocumentUploads.size(sizeBytes);
        }
    }

    /** A file documents-service refused (or one over the limit the portal did not send): why, in Russian. */
    public static class FileRefused extends RuntimeException {

        private final int status;

        public FileRefused(int status, String reason) {
            super(reason);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Whether the person chose a file at all (an empty file field sends a part with no name and no bytes). */
    public static boolean chosen(MultipartFile file) {
        return file != null && !(file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isEmpty()));
    }

    /**
     * Uploads the file, attached to nothing yet.
     *
     * @throws FileRefused the file is empty, too large or not what documents-service accepts
     */
    public Uploaded upload(SignedIn me, MultipartFile file) {
        if (file.getSize() > MAX_BYTES) {
            // Not worth sending: documents-service refuses it for the same reason.
            throw new FileRefused(413, reason("upload-too-large"));
        }
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders headers = new HttpHeaders();
        // The type the browser declared goes along: documents-service refuses a file whose bytes say otherwise.
        headers.setContentType(declared(file.getContentType()));
        parts.add("file", new HttpEntity<>(file.getResource(), headers));
        JsonNode answer;
        try {
            answer = platform.as(me, HttpMethod.POST, "/api/documents/files").multipart(parts).json();
        } catch (ApiProblem refused) {
            if (refused.status() == 429 || !refused.clientError()) {
                throw refused;
            }
            throw new FileRefused(refused.status(), reason(refused.type()));
        }
        return new Uploaded(answer.path("documentId").asText(), file.getOriginalFilename(),
                answer.path("mediaType").asText(null), answer.path("sizeBytes").asLong(file.getSize()));
    }

    /**
     * Attaches an uploaded file to what it supports (idempotent at documents-service for the same triple).
     *
     * @param organizationId the organisation a link request goes to; null for a profile change
     */
    public void attach(SignedIn me, String documentId, String purpose, String targetId, String organizationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("purpose", purpose);
        body.put("targetId", targetId);
        if (organizationId != null) {
            body.put("organizationId", organizationId);
        }
        platform.as(me, HttpMethod.POST, "/api/documents/files/{id}/attachments", documentId).body(body).send();
    }

    private static MediaType declared(String contentType) {
        try {
            return contentType == null || contentType.isBlank() ? MediaType.APPLICATION_OCTET_STREAM
                    : MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException garbled) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    /** Why documents-service refused a file, by its problem type, as the person reads it beside the field. */
    public static String reason(String problemType) {
        return switch (problemType == null ? "" : problemType) {
            case "upload-empty" -> "Файл пустой. Выберите файл со сканом документа.";
            case "upload-too-large" -> "Файл больше 5 МБ. Уменьшите разрешение скана или сожмите PDF.";
            case "upload-unsupported-type" -> "Этот формат не принимается: загрузите PDF, JPEG или PNG.";
            case "upload-type-mismatch" -> "Содержимое файла не совпадает с его расширением или типом. "
                    + "Сохраните скан заново как PDF, JPEG или PNG.";
            case "upload-encrypted-pdf" -> "PDF защищён паролем. Загрузите файл без пароля и шифрования.";
            case "upload-pdf-javascript", "upload-pdf-launch-action", "upload-pdf-embedded-file" ->
                    "PDF содержит сценарии, команды запуска или вложенные файлы — такие файлы не принимаются. "
                            + "Сохраните скан как обычный PDF или изображение.";
            case "upload-malformed-pdf" -> "PDF повреждён и не открывается.";
            case "upload-undecodable-image" -> "Изображение повреждено и не открывается.";
            case "upload-polyglot" -> "Файл одновременно является файлом другого формата — такие файлы не "
                    + "принимаются. Сохраните скан заново.";
            default -> "Файл не принят. Загрузите PDF, JPEG или PNG размером до 5 МБ.";
        };
    }

    /** «1,2 МБ», «350 КБ». */
    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(java.util.Locale.forLanguageTag("ru"), "%.1f МБ", bytes / (1024.0 * 1024));
        }
        return Math.max(1, (bytes + 1023) / 1024) + " КБ";
    }
}
