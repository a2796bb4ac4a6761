package ru.frmr.portal.web.change;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.Platform;
import ru.frmr.portal.api.PlatformUnavailableException;
import ru.frmr.portal.api.StepUpRequiredException;
import ru.frmr.portal.login.PortalLogins;
import ru.frmr.portal.login.SignedIn;
import ru.frmr.portal.web.documents.DocumentUploads;

/**
 * Sends a checked change with the person's step-up token, or, without a fresh one, keeps the change in the session,
 * has auth-service mail a one-time code and leads to the code page. A step-up token serves one change: it is
 * forgotten once the registry took the change.
 */
@Component
class ChangeSubmission {

    static final String PREPARED = "frmr.change.prepared";
    static final String SENT_TO = "frmr.change.sentTo";
    static final String SUBMITTED = "submitted";
    /** Flash attribute: why the change's scan could not be attached (the change itself went to moderation). */
    static final String SCAN_PROBLEM = "scanProblem";

    private static final Logger log = LoggerFactory.getLogger(ChangeSubmission.class);

    private final Platform platform;
    private final PortalLogins logins;
    private final DocumentUploads documents;

    ChangeSubmission(Platform platform, PortalLogins logins, DocumentUploads documents) {
        this.platform = platform;
        this.logins = logins;
        this.documents = documents;
    }

    /**
     * @return where the browser goes next: the confirmation, or the code page
     * @throws ApiProblem the registry refused the change (a 400/422 names the fields)
     */
    String submit(SignedIn me, PreparedChange change, HttpSession session, RedirectAttributes redirect) {
        String changeId;
        try {
            changeId = send(me, change);
        } catch (StepUpRequiredException noFreshStepUp) {
            // None kept, or the registry found it too old: a new code, then this change again.
            logins.clearStepUp(me.handle());
            session.setAttribute(PREPARED, change);
            requestCode(me, session);
            return "redirect:/step-up";
        }
        logins.clearStepUp(me.handle());
        session.removeAttribute(PREPARED);
        session.removeAttribute(SENT_TO);
        redirect.addFlashAttribute(SUBMITTED, change);
        if (change.scan() != null) {
            attachScan(me, change.scan(), changeId, redirect);
        }
        return "redirect:/profile/submitted";
    }

    /**
     * Has auth-service mail a code and remembers where it went.
     *
     * @return false when a code went out moments ago (auth-service sends one per half minute; that one still
     *         holds)
     */
    boolean requestCode(SignedIn me, HttpSession session) {
        try {
            JsonNode sent = platform.as(me, HttpMethod.POST, "/api/auth/step-up").json();
            session.setAttribute(SENT_TO, sent.path("sentTo").asText(null));
            return true;
        } catch (ApiProblem refused) {
            if (refused.status() == 429) {
                return false;
            }
            throw refused;
        }
    }

    /**
     * The change is on moderation whatever happens here: a scan that cannot be attached is said on the confirmation,
     * and the change is not taken back.
     */
    private void attachScan(SignedIn me, DocumentUploads.Uploaded scan, String changeId,
                            RedirectAttributes redirect) {
        if (changeId == null) {
            redirect.addFlashAttribute(SCAN_PROBLEM, "регистр не сообщил номер изменения");
            return;
        }
        try {
            documents.attach(me, scan.documentId(), DocumentUploads.PROFILE_CHANGE, changeId, null);
        } catch (ApiProblem | PlatformUnavailableException failed) {
            log.warn("a profile change's scan was not attached: {}", failed.getClass().getSimpleName()
                    + (failed instanceof ApiProblem problem ? " " + problem.status() : ""));
            redirect.addFlashAttribute(SCAN_PROBLEM, "сервис документов не принял его сейчас");
        }
    }

    /** @return the change's id as the registry answered it (null for the contacts, which need no moderation) */
    private String send(SignedIn me, PreparedChange change) {
        if (change.contacts()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("email", change.values().get("email"));
            String mobile = change.values().getOrDefault("mobile", "");
            if (!mobile.isEmpty()) {
                body.put("mobile", mobile);
            }
            platform.withStepUp(me, HttpMethod.PUT, "/api/registry/workers/{id}/contacts", me.workerId())
                    .body(body).send();
            return null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", change.kind());
        if (change.entryId() != null) {
            body.put("entryId", change.entryId());
        }
        if (!"REMOVE".equals(change.kind())) {
            body.put("entry", change.entrySection().entry(change.values()));
        }
        return platform.withStepUp(me, HttpMethod.POST, "/api/registry/workers/{id}/changes", me.workerId())
                .body(body).json().path("changeId").asText(null);
    }
}
