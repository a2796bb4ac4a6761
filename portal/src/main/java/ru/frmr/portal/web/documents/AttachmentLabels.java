package ru.frmr.portal.web.documents;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/** How an attached scan is named on the queues (the registry's and employer-service's {@code attachments}). */
@Component("attachments")
public class AttachmentLabels {

    /** «Скан: JPEG, 1,2 МБ». */
    public String label(JsonNode attachment) {
        String type = switch (attachment.path("mediaType").asText("")) {
            case "application/pdf" -> "PDF";
            case "image/jpeg" -> "JPEG";
            case "image/png" -> "PNG";
            default -> "файл";
        };
        return "Скан: " + type + ", " + DocumentUploads.size(attachment.path("sizeBytes").asLong());
    }
}
