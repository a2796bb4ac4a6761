package ru.frmr.portal.web.notifications;

import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
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
 * «Уведомления»: the person's inbox at notification-service, newest first, unread ones in bold; one notice or all of
 * them marked read. The forms are plain POSTs answered with a redirect back to the list (htmx swaps the list and the
 * header's count in place).
 */
@Controller
class NotificationsController {

    static final int PAGE_SIZE = 20;
    static final Pattern NOTIFICATION_ID = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private final Platform platform;

    NotificationsController(Platform platform) {
        this.platform = platform;
    }

    @GetMapping("/notifications")
    String inbox(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "0") String page, Model model) {
        int current = page.matches("\\d{1,4}") ? Integer.parseInt(page) : 0;
        JsonNode inbox = platform.as(me, HttpMethod.GET, "/api/notifications/me/inbox?page={p}&size={s}", current,
                PAGE_SIZE).json();
        long total = inbox.path("total").asLong();
        model.addAttribute("items", inbox.path("items"));
        model.addAttribute("unreadCount", inbox.path("unread").asLong());
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return "notifications/inbox";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                @RequestParam(defaultValue = "0") String page, RedirectAttributes redirect) {
        if (!NOTIFICATION_ID.matcher(id).matches()) {
            throw new ApiProblem(404, "not-found", null, Map.of(), null);
        }
        try {
            platform.as(me, HttpMethod.POST, "/api/notifications/me/inbox/{id}/read", id).send();
        } catch (ApiProblem refused) {
            if (refused.status() != 404) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", "Этого уведомления больше нет в списке.");
        }
        return "redirect:/notifications" + (page.matches("[1-9]\\d{0,3}") ? "?page=" + page : "");
    }

    @PostMapping("/notifications/read-all")
    String readAll(@AuthenticationPrincipal SignedIn me, RedirectAttributes redirect) {
        platform.as(me, HttpMethod.POST, "/api/notifications/me/inbox/read-all").send();
        redirect.addFlashAttribute("flash", "Все уведомления отмечены прочитанными.");
        return "redirect:/notifications";
    }
}
