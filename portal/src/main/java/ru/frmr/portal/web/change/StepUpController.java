package ru.frmr.portal.web.change;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.Platform;
import ru.frmr.portal.login.PortalLogins;
import ru.frmr.portal.login.SignedIn;

/**
 * The code page of a sensitive change: the one-time code auth-service mailed confirms the change kept in the
 * session; its step-up token is kept (sealed, server side) just long enough to send that change.
 */
@Controller
class StepUpController {

    /** The registry accepts a step-up for five minutes after the code (registry's step-up-max-age). */
    static final Duration STEP_UP_KEPT = Duration.ofMinutes(5);

    private final Platform platform;
    private final PortalLogins logins;
    private final ChangeSubmission submission;

    StepUpController(Platform platform, PortalLogins logins, ChangeSubmission submission) {
        this.platform = platform;
        this.logins = logins;
        this.submission = submission;
    }

    @GetMapping("/step-up")
    String page(HttpSession session, Model model) {
        PreparedChange change = (PreparedChange) session.getAttribute(ChangeSubmission.PREPARED);
        if (change == null) {
            return "redirect:/profile";
        }
        return page(session, model, change, null);
    }

    @PostMapping("/step-up")
    String confirm(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String code,
                   HttpSession session, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        PreparedChange change = (PreparedChange) session.getAttribute(ChangeSubmission.PREPARED);
        if (change == null) {
            return "redirect:/profile";
        }
        String typed = code.replaceAll("\\s", "");
        if (!typed.matches("\\d{6}")) {
            response.setStatus(400);
            return page(session, model, change, "Введите шесть цифр кода из письма.");
        }
        JsonNode answer;
        try {
            answer = platform.as(me, HttpMethod.POST, "/api/auth/step-up/verify").body(Map.of("code", typed)).json();
        } catch (ApiProblem refused) {
            if (refused.status() == 423) {
                response.setStatus(423);
                return page(session, model, change, "Слишком много неверных попыток: подтверждение временно "
                        + "заблокировано. Попробуйте позже.");
            }
            if (refused.status() != 400) {
                throw refused;
            }
            response.setStatus(400);
            return page(session, model, change, "code-expired".equals(refused.type())
                    ? "Код устарел или запрошен на другом устройстве. Запросите новый код."
                    : "Код неверен. Проверьте код из письма или запросите новый.");
        }
        String token = answer.path("access_token").asText(null);
        if (token == null) {
            throw new IllegalStateException("auth-service's step-up answer lacks the token");
        }
        logins.stepUp(me.handle(), token, STEP_UP_KEPT);
        try {
            return submission.submit(me, change, session, redirect);
        } catch (ApiProblem refused) {
            if (!ChangeViews.refusedInput(refused)) {
                throw refused;
            }
            // The change stays unsent; the person fixes the field and sends it again (the step-up still holds).
            session.removeAttribute(ChangeSubmission.PREPARED);
            response.setStatus(refused.status());
            return ChangeViews.refusedAfterStepUp(change, refused, model);
        }
    }

    @PostMapping("/step-up/resend")
    String resend(@AuthenticationPrincipal SignedIn me, HttpSession session, RedirectAttributes redirect) {
        if (session.getAttribute(ChangeSubmission.PREPARED) == null) {
            return "redirect:/profile";
        }
        redirect.addFlashAttribute(submission.requestCode(me, session) ? "resent" : "tooSoon", true);
        return "redirect:/step-up";
    }

    @PostMapping("/step-up/cancel")
    String cancel(HttpSession session) {
        session.removeAttribute(ChangeSubmission.PREPARED);
        session.removeAttribute(ChangeSubmission.SENT_TO);
        return "redirect:/profile";
    }

    private static String page(HttpSession session, Model model, PreparedChange change, String codeError) {
        model.addAttribute("change", change);
        model.addAttribute("sentTo", session.getAttribute(ChangeSubmission.SENT_TO));
        model.addAttribute("codeError", codeError);
        return "profile/step-up";
    }
}
