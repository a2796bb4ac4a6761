package ru.frmr.portal.web.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import ru.frmr.portal.web.Formats;

/**
 * The registry administrator's handling of accounts (auth-service's): the activation requests, oldest first, and
 * blocking or unblocking the account of a worker from the worker's page.
 */
@Controller
class AccountsController {

    static final int PAGE_SIZE = 20;
    /**
     * Why the activation queue reads the names of the workers whose accounts wait: the page exists for that one
     * purpose, so it is stated for the administrator rather than asked for each row.
     */
    static final String ACTIVATION_PURPOSE = "Рассмотрение заявки на активацию учётной записи";

    private final Platform platform;
    private final Formats formats;

    AccountsController(Platform platform, Formats formats) {
        this.platform = platform;
        this.formats = formats;
    }

    /** An open activation request with the name of the worker whose account it is, when there is a record. */
    record Request(String accountId, String workerId, String name, String requestedAt) {
    }

    @GetMapping("/admin/activation")
    String activation(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(0, Math.min(page, 10_000));
        JsonNode answer = platform.as(me, HttpMethod.GET, "/api/auth/admin/activation-requests?page={p}&size={s}",
                current, PAGE_SIZE).json();
        List<Request> requests = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        answer.path("items").forEach(item -> {
            String workerId = item.path("workerId").asText(null);
            requests.add(new Request(item.path("accountId").asText(), workerId,
                    workerId == null ? null : names.computeIfAbsent(workerId, id -> name(me, id)),
                    item.path("requestedAt").asText(null)));
        });
        long total = answer.path("total").asLong();
        model.addAttribute("requests", requests);
        model.addAttribute("page", current);
        model.addAttribute("total", total);
        model.addAttribute("pages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return "admin/activation";
    }

    @PostMapping("/admin/activation/{accountId}/activate")
    String activate(@AuthenticationPrincipal SignedIn me, @PathVariable String accountId,
                    RedirectAttributes redirect) {
        change(me, accountId, "activate", "Учётная запись активирована", redirect);
        return "redirect:/admin/activation";
    }

    @PostMapping("/admin/accounts/{accountId}/{action:block|unblock}")
    String block(@AuthenticationPrincipal SignedIn me, @PathVariable String accountId, @PathVariable String action,
                 @RequestParam String workerId, RedirectAttributes redirect) {
        requireId(workerId);
        change(me, accountId, action, "block".equals(action) ? "Учётная запись заблокирована, её сеансы завершены"
                : "Учётная запись разблокирована", redirect);
        return "redirect:/supervision/workers/" + workerId;
    }

    private void change(SignedIn me, String accountId, String action, String done, RedirectAttributes redirect) {
        requireId(accountId);
        try {
            platform.as(me, HttpMethod.POST, "/api/auth/accounts/{id}/" + action, accountId).send();
            redirect.addFlashAttribute("flash", done);
        } catch (ApiProblem problem) {
            switch (problem.status()) {
                case 404 -> redirect.addFlashAttribute("problem", "Учётная запись не найдена.");
                case 409, 422 -> redirect.addFlashAttribute("problem",
                        "Состояние учётной записи уже изменилось. Обновлённые сведения — ниже.");
                default -> throw problem;
            }
        }
    }

    /** The worker's name in ФИО order; null while the registry has no readable record. */
    private String name(SignedIn me, String workerId) {
        try {
            JsonNode worker = platform.as(me, HttpMethod.GET, "/api/registry/workers/{id}", workerId)
                    .purpose(ACTIVATION_PURPOSE).json();
            String name = formats.fullName(worker.path("lastName").asText(null), worker.path("firstName").asText(null),
                    worker.path("middleName").asText(null));
            return name.isEmpty() ? null : name;
        } catch (ApiProblem notReadable) {
            if (notReadable.status() >= 500) {
                throw notReadable;
            }
            return null;
        }
    }

    private static void requireId(String id) {
        if (!ModerationController.UUID.matcher(id).matches()) {
            throw new ApiProblem(404, "not-found", null, Map.of(), null);
        }
    }
}
