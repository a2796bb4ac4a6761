package ru.frmr.portal.web.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.Platform;
import ru.frmr.portal.login.SignedIn;

/**
 * The SUPPORT role's queue: open requests oldest first with the time left to the 24-hour answer target (or how long
 * it is overdue); one request with its messages and attachments (downloads through {@code /documents/{id}}, which
 * documents-service allows SUPPORT for files attached to a support request), taking it into work and answering.
 */
@Controller
class SupportQueueController {

    /** The queue's views: open requests (the service's default), and the answered and closed ones. */
    static final List<String> STATUSES = List.of("ANSWERED", "CLOSED");

    private final Platform platform;

    SupportQueueController(Platform platform) {
        this.platform = platform;
    }

    @GetMapping("/support/queue")
    String queue(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String status, Model model) {
        String shown = status != null && STATUSES.contains(status) ? status : null;
        model.addAttribute("items", (shown == null
                ? platform.as(me, HttpMethod.GET, "/api/support/admin/queue")
                : platform.as(me, HttpMethod.GET, "/api/support/admin/queue?status={s}", shown)).json()
                .path("items"));
        model.addAttribute("status", shown);
        return "support/queue";
    }

    @GetMapping("/support/queue/{id}")
    String request(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Model model) {
        SupportController.requireId(id);
        return page(me, id, new LinkedHashMap<>(), "", model);
    }

    @PostMapping("/support/queue/{id}/take")
    String take(@AuthenticationPrincipal SignedIn me, @PathVariable String id, RedirectAttributes redirect) {
        SupportController.requireId(id);
        try {
            platform.as(me, HttpMethod.POST, "/api/support/admin/requests/{id}/take", id).send();
            redirect.addFlashAttribute("flash", "Обращение взято в работу.");
        } catch (ApiProblem refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", "Обращение уже в работе или на него уже ответили.");
        }
        return "redirect:/support/queue/" + id;
    }

    @PostMapping("/support/queue/{id}/answer")
    String answer(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                  @RequestParam(required = false) String text, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        SupportController.requireId(id);
        String answer = SupportForms.normalised(text);
        String wrong = answer.isEmpty() ? "Напишите ответ." : SupportForms.text(answer, SupportForms.ANSWER_MIN);
        if (wrong != null) {
            response.setStatus(400);
            return page(me, id, new LinkedHashMap<>(Map.of("answer", wrong)), answer, model);
        }
        try {
            platform.as(me, HttpMethod.POST, "/api/support/admin/requests/{id}/answer", id)
                    .body(Map.of("text", answer)).send();
        } catch (ApiProblem refused) {
            if (refused.status() == 400 || refused.status() == 422) {
                response.setStatus(refused.status());
                return page(me, id, new LinkedHashMap<>(Map.of("answer", "Проверьте ответ: от "
                        + SupportForms.ANSWER_MIN + " до " + SupportForms.TEXT_MAX + " символов.")), answer, model);
            }
            if (refused.status() != 409) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", "На это обращение сейчас нельзя ответить: возьмите его в работу "
                    + "или проверьте, не ответил ли кто-то раньше.");
            return "redirect:/support/queue/" + id;
        }
        redirect.addFlashAttribute("flash", "Ответ отправлен.");
        return "redirect:/support/queue/" + id;
    }

    private String page(SignedIn me, String id, Map<String, String> errors, String answer, Model model) {
        model.addAttribute("r", platform.as(me, HttpMethod.GET, "/api/support/admin/requests/{id}", id).json());
        model.addAttribute("errors", errors);
        model.addAttribute("answer", answer);
        return "support/queue-request";
    }
}
