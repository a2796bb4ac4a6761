package ru.frmr.portal.web.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * The operators' list of notices notification-service gave up on after its retries (the registry administrator's,
 * under {@code /admin}): what, to whom (a recipient key, never an address), why, and «Повторить», which queues the
 * notice again with a fresh retry budget.
 */
@Controller
class FailedNotificationsController {

    static final int PAGE_SIZE = 20;

    /** One failed notice as the table shows it. */
    record FailedRow(String id, String kind, String channel, String recipient, String reason, String attempts,
                     String failedAt) {
    }

    private final Platform platform;

    FailedNotificationsController(Platform platform) {
        this.platform = platform;
    }

    @GetMapping("/admin/notifications/failed")
    String list(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "0") String page, Model model) {
        int current = page.matches("\\d{1,4}") ? Integer.parseInt(page) : 0;
        JsonNode failed = platform.as(me, HttpMethod.GET, "/api/notifications/admin/failed?page={p}&size={s}",
                current, PAGE_SIZE).json();
        long total = failed.path("total").asLong();
        List<FailedRow> rows = new ArrayList<>();
        failed.path("items").forEach(item -> rows.add(new FailedRow(item.path("notificationId").asText(),
                item.path("kind").asText(), channel(item.path("channel").asText(null)),
                item.path("recipient").asText("—"), reason(item.path("reason").asText(null)),
                item.path("attempts").asText("—"), item.path("failedAt").asText(null))));
        model.addAttribute("items", rows);
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return "notifications/failed";
    }

    @PostMapping("/admin/notifications/failed/{id}/retry")
    String retry(@AuthenticationPrincipal SignedIn me, @PathVariable String id, RedirectAttributes redirect) {
        if (!NotificationsController.NOTIFICATION_ID.matcher(id).matches()) {
            throw new ApiProblem(404, "not-found", null, Map.of(), null);
        }
        try {
            platform.as(me, HttpMethod.POST, "/api/notifications/admin/failed/{id}/retry", id).send();
            redirect.addFlashAttribute("flash", "Уведомление поставлено в очередь на повторную отправку.");
        } catch (ApiProblem refused) {
            if (refused.status() == 422) {
                redirect.addFlashAttribute("problem", "Повторить нельзя: данные получателя удалены по его запросу.");
            } else if (refused.status() == 404 || refused.status() == 409) {
                redirect.addFlashAttribute("problem", "Это уведомление уже не ждёт повтора: его уже отправляют "
                        + "снова.");
            } else {
                throw refused;
            }
        }
        return "redirect:/admin/notifications/failed";
    }

    static String channel(String channel) {
        return switch (channel == null ? "" : channel) {
            case "EMAIL" -> "Электронная почта";
            case "SMS" -> "SMS";
            case "INBOX" -> "Личный кабинет";
            default -> "—";
        };
    }

    /** Why a notice failed, in words. */
    static String reason(String reason) {
        return switch (reason == null ? "" : reason) {
            case "RECIPIENT_ERASED" -> "Данные получателя удалены";
            case "NO_ADDRESS" -> "Нет адреса для этого канала";
            case "RETRIES_EXHAUSTED" -> "Не доставлено после всех попыток";
            default -> reason == null || reason.isBlank() ? "—" : reason;
        };
    }
}
