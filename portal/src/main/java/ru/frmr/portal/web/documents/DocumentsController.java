package ru.frmr.portal.web.documents;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.Platform;
import ru.frmr.portal.login.SignedIn;

/**
 * A scan for whoever may read it — its owner, the registry administrator moderating the change it supports, the HR
 * officer of the organisation a link request went to: fetched with the person's own token (documents-service decides
 * who may, and answers 404 to everybody else) and passed on to the browser as a download as it arrives.
 */
@Controller
class DocumentsController {

    static final Pattern DOCUMENT_ID = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private final Platform platform;

    DocumentsController(Platform platform) {
        this.platform = platform;
    }

    @GetMapping("/documents/{documentId}")
    void download(@AuthenticationPrincipal SignedIn me, @PathVariable String documentId,
                  HttpServletResponse response) {
        if (!DOCUMENT_ID.matcher(documentId).matches()) {
            throw new ApiProblem(404, "not-found", null, Map.of(), null);
        }
        platform.as(me, HttpMethod.GET, "/api/documents/files/{id}", documentId).relay(response,
                MediaType.APPLICATION_PDF, MediaType.IMAGE_JPEG, MediaType.IMAGE_PNG);
    }
}
