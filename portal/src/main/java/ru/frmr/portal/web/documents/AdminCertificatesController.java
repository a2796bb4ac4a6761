package ru.frmr.portal.web.documents;

import java.util.LinkedHashMap;
import java.util.Locale;
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
 * The registry administrator's postal queue: справки issued for delivery by post, each with the holder's name and the
 * address; the administrator marks one sent with its Почта России tracking number, or refuses it with a reason.
 */
@Controller
class AdminCertificatesController {

    static final int PAGE_SIZE = 20;
    static final int REASON_MAX = 500;
    /** Почта России: 14 digits inside Russia, or 13 characters for international items ({@code RA123456789RU}). */
    static final Pattern TRACKING = Pattern.compile("^(\\d{14}|[A-Z]{2}\\d{9}[A-Z]{2})$");

    private final Platform platform;

    AdminCertificatesController(Platform platform) {
        this.platform = platform;
    }

    @GetMapping("/admin/certificates")
    String queue(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "0") int page, Model model) {
        return render(me, page, Map.of(), null, null, model);
    }

    @PostMapping("/admin/certificates/{requestId}/posted")
    String posted(@AuthenticationPrincipal SignedIn me, @PathVariable String requestId,
                  @RequestParam(defaultValue = "") String trackingNumber, @RequestParam(defaultValue = "0") int page,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        requireId(requestId);
        String tracking = trackingNumber.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        String error = TRACKING.matcher(tracking).matches() ? null
                : "Трек-номер Почты России — 14 цифр или 13 знаков вида RA123456789RU.";
        if (error == null) {
            try {
                return decide(me, requestId, "posted", Map.of("trackingNumber", tracking), page,
                        "Справка отмечена как отправленная почтой", redirect);
            } catch (ApiProblem refused) {
                if (refused.status() != 400 && refused.status() != 422) {
                    throw refused;
                }
                error = "Трек-номер не принят: проверьте его.";
            }
        }
        response.setStatus(400);
        return render(me, page, Map.of(field("tracking", requestId), error), requestId, trackingNumber, model);
    }

    @PostMapping("/admin/certificates/{requestId}/refuse")
    String refuse(@AuthenticationPrincipal SignedIn me, @PathVariable String requestId,
                  @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "0") int page,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        requireId(requestId);
        String text = reason.strip();
        String error = text.isEmpty() ? "Укажите причину отказа"
                : text.length() > REASON_MAX ? "Причина — не длиннее " + REASON_MAX + " символов"
                : text.chars().anyMatch(Character::isISOControl) ? "Уберите из причины служебные символы" : null;
        if (error == null) {
            try {
                return decide(me, requestId, "refuse", Map.of("reason", text), page, "В справке отказано",
                        redirect);
            } catch (ApiProblem refused) {
                if (refused.status() != 400 && refused.status() != 422) {
                    throw refused;
                }
                error = "Причина не принята: проверьте текст";
            }
        }
        response.setStatus(400);
        return render(me, page, Map.of(field("reason", requestId), error), requestId, reason, model);
    }

    /** The id of one item's field: one per queue item, so the error summary can link to it. */
    static String field(String name, String requestId) {
        return name + "-" + requestId;
    }

    private String decide(SignedIn me, String requestId, String action, Map<String, String> body, int page,
                          String done, RedirectAttributes redirect) {
        try {
            platform.as(me, HttpMethod.POST, "/api/documents/admin/certificates/{id}/" + action, requestId)
                    .body(body).send();
            redirect.addFlashAttribute("flash", done);
        } catch (ApiProblem problem) {
            if (problem.status() != 404 && problem.status() != 409) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", "Эта справка уже не ждёт отправки: её отметил другой "
                    + "администратор или в ней отказано. Очередь обновлена.");
        }
        redirect.addAttribute("page", Math.max(page, 0));
        return "redirect:/admin/certificates";
    }

    /**
     * Why the queue reads the workers' postal addresses: the page exists to post their справки, so the purpose is
     * stated for the administrator rather than asked for each row.
     */
    static final String MAILING_PURPOSE = "Отправка справок почтой";

    private String render(SignedIn me, int page, Map<String, String> errors, String failedId, String entered,
                          Model model) {
        int current = Math.max(0, Math.min(page, 10_000));
        JsonNode queue = platform.as(me, HttpMethod.GET,
                "/api/documents/admin/certificates?delivery=POST&status=READY&page={p}&size={s}", current, PAGE_SIZE)
                .purpose(MAILING_PURPOSE).json();
        long total = queue.path("total").asLong();
        model.addAttribute("items", queue.path("items"));
        model.addAttribute("page", current);
        model.addAttribute("pages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("total", total);
        model.addAttribute("errors", new LinkedHashMap<>(errors));
        model.addAttribute("failedId", failedId);
        model.addAttribute("entered", entered);
        return "documents/admin-certificates";
    }

    private static void requireId(String requestId) {
        if (!DocumentsController.DOCUMENT_ID.matcher(requestId).matches()) {
            throw new ApiProblem(404, "not-found", null, Map.of(), null);
        }
    }
}
