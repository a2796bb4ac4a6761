package ru.frmr.portal.web.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The registry administrator's moderation queue: pending changes oldest first, each with whose record it changes and
 * the entry in full, approved or rejected with a reason from the queue itself.
 */
@Controller
class ModerationController {

    static final int PAGE_SIZE = 20;
    /** The registry's limit on a reason (RejectRequest). */
    static final int REASON_MAX = 500;
    static final Pattern UUID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private final Platform platform;

    ModerationController(Platform platform) {
        this.platform = platform;
    }

    @GetMapping("/admin/moderation")
    String queue(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "0") int page, Model model) {
        return render(me, page, model);
    }

    @PostMapping("/admin/moderation/{workerId}/{changeId}/approve")
    String approve(@AuthenticationPrincipal SignedIn me, @PathVariable String workerId, @PathVariable String changeId,
                   @RequestParam(defaultValue = "0") int page, RedirectAttributes redirect) {
        requireIds(workerId, changeId);
        return decide(me, workerId, changeId, "approve", null, page, "Изменение подтверждено", redirect);
    }

    @PostMapping("/admin/moderation/{workerId}/{changeId}/reject")
    String reject(@AuthenticationPrincipal SignedIn me, @PathVariable String workerId, @PathVariable String changeId,
                  @RequestParam(required = false) String reason, @RequestParam(defaultValue = "0") int page,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        requireIds(workerId, changeId);
        String text = reason == null ? "" : reason.strip();
        String error = text.isEmpty() ? "Укажите причину отклонения"
                : text.length() > REASON_MAX ? "Причина — не длиннее " + REASON_MAX + " символов"
                : text.contains("<") || text.contains(">") ? "Причина не может содержать знаки < и >"
                : null;
        if (error == null) {
            try {
                return decide(me, workerId, changeId, "reject", text, page, "Изменение отклонено", redirect);
            } catch (ApiProblem problem) {
                if (problem.status() != 400) {
                    throw problem;
                }
                error = "Причина не принята регистром: проверьте текст";
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put(reasonField(changeId), error);
        model.addAttribute("errors", errors);
        model.addAttribute("rejecting", changeId);
        model.addAttribute("reason", reason);
        response.setStatus(400);
        return render(me, page, model);
    }

    /** The id of a change's reason field: one per queue item, so the error summary can link to it. */
    static String reasonField(String changeId) {
        return "reason-" + changeId;
    }

    private String decide(SignedIn me, String workerId, String changeId, String decision, String reason, int page,
                          String done, RedirectAttributes redirect) {
        try {
            platform.as(me, HttpMethod.POST, "/api/registry/workers/{w}/changes/{c}/" + decision, workerId, changeId)
                    .body(reason == null ? null : Map.of("reason", reason)).send();
            redirect.addFlashAttribute("flash", done);
        } catch (ApiProblem problem) {
            switch (problem.status()) {
                case 422, 404, 409 -> redirect.addFlashAttribute("problem",
                        "Это изменение уже не ждёт решения: его рассмотрел другой администратор или работник "
                                + "отозвал его. Очередь обновлена.");
                case 403 -> redirect.addFlashAttribute("problem",
                        "Изменения своей записи в регистре решает другой администратор.");
                default -> throw problem;
            }
        }
        redirect.addAttribute("page", Math.max(page, 0));
        return "redirect:/admin/moderation";
    }

    private String render(SignedIn me, int page, Model model) {
        int current = Math.max(0, Math.min(page, 10_000));
        JsonNode queue = platform.as(me, HttpMethod.GET, "/api/registry/moderation/queue?page={p}&size={s}",
                current, PAGE_SIZE).json();
        long total = queue.path("total").asLong();
        if (queue.path("items").isEmpty() && current > 0 && total > 0) {
            // The last item of the last page was just decided: show the page that is now the last.
            current = (int) Math.min((total - 1) / PAGE_SIZE, current - 1L);
            queue = platform.as(me, HttpMethod.GET, "/api/registry/moderation/queue?page={p}&size={s}", current,
                    PAGE_SIZE).json();
            total = queue.path("total").asLong();
        }
        model.addAttribute("queue", queue);
        model.addAttribute("page", current);
        model.addAttribute("total", total);
        model.addAttribute("pages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return "admin/moderation";
    }

    private static void requireIds(String... ids) {
        for (String id : ids) {
            if (!UUID.matcher(id).matches()) {
                throw new ApiProblem(404, "not-found", null, Map.of(), null);
            }
        }
    }
}
