package ru.frmr.portal.web.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.Platform;
import ru.frmr.portal.api.PlatformUnavailableException;
import ru.frmr.portal.login.SignedIn;
import ru.frmr.portal.web.documents.DocumentUploads;

/**
 * «Обращения» of the signed-in person: their requests with statuses, a new one (topic, text, an optional scan,
 * where the answer should go), one request with its messages, closing it or reopening it after an answer. The
 * ticket number is shown big at once after filing: it is what the person reads out on the phone.
 */
@Controller
class SupportController {

    private static final Logger log = LoggerFactory.getLogger(SupportController.class);
    static final List<String> FIELDS = List.of("topic", "text", "answerChannel", "file");

    private final Platform platform;
    private final DocumentUploads documents;

    SupportController(Platform platform, DocumentUploads documents) {
        this.platform = platform;
        this.documents = documents;
    }

    @GetMapping("/support")
    String list(@AuthenticationPrincipal SignedIn me, Model model) {
        model.addAttribute("items", platform.as(me, HttpMethod.GET, "/api/support/me/requests").json()
                .path("items"));
        return "support/list";
    }

    @GetMapping("/support/new")
    String form(Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("topic", "");
        values.put("text", "");
        values.put("answerChannel", "EMAIL");
        return formPage(values, new LinkedHashMap<>(), model);
    }

    /**
     * Files the request: the fields are checked first; a chosen scan streams to documents-service, the request is
     * filed with its id, then the scan is attached to the request (SUPPORT_REQUEST) so support staff may open it. A
     * refused file is said beside the field and nothing is filed; a scan that cannot be attached afterwards leaves
     * the request filed and says so.
     */
    @PostMapping("/support/new")
    String file(@AuthenticationPrincipal SignedIn me, @RequestParam Map<String, String> form,
                @RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("topic", form.getOrDefault("topic", "").strip());
        values.put("text", SupportForms.normalised(form.get("text")));
        values.put("answerChannel", form.getOrDefault("answerChannel", "").strip());
        Map<String, String> errors = SupportForms.check(values);
        boolean scanChosen = DocumentUploads.chosen(file);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            if (scanChosen) {
                // A browser never fills a file field again: say so rather than let the scan go missing.
                errors.put("file", "Файл не отправлен: исправьте ошибки и выберите его ещё раз.");
            }
            return formPage(values, errors, model);
        }
        DocumentUploads.Uploaded scan = null;
        if (scanChosen) {
            try {
                scan = documents.upload(me, file);
            } catch (DocumentUploads.FileRefused refused) {
                response.setStatus(refused.status());
                errors.put("file", refused.getMessage());
                return formPage(values, errors, model);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topic", values.get("topic"));
        body.put("text", values.get("text"));
        body.put("answerChannel", values.get("answerChannel"));
        body.put("documentIds", scan == null ? List.of() : List.of(scan.documentId()));
        JsonNode filed;
        try {
            filed = platform.as(me, HttpMethod.POST, "/api/support/requests").body(body).json();
        } catch (ApiProblem refused) {
            if (refused.status() == 429) {
                response.setStatus(429);
                errors.put("form", "Слишком много обращений подряд. " + SupportForms.later(
                        refused.retryAfterSeconds()));
                return formPage(values, errors, model);
            }
            if (refused.status() != 400 && refused.status() != 422) {
                throw refused;
            }
            response.setStatus(refused.status());
            return formPage(values, SupportForms.refused(refused, FIELDS,
                    "Обращение не принято. Проверьте сведения и повторите."), model);
        }
        String id = filed.path("id").asText(null);
        redirect.addFlashAttribute("ticketNumber", filed.path("ticketNumber").asText());
        redirect.addFlashAttribute("requestId", id);
        redirect.addFlashAttribute("answerChannel", values.get("answerChannel"));
        if (scan != null) {
            attachScan(me, scan, id, redirect);
        }
        return "redirect:/support/filed";
    }

    private void attachScan(SignedIn me, DocumentUploads.Uploaded scan, String requestId,
                            RedirectAttributes redirect) {
        try {
            if (requestId == null) {
                throw new IllegalStateException("notification-service's answer lacks the request's id");
            }
            documents.attach(me, scan.documentId(), DocumentUploads.SUPPORT_REQUEST, requestId, null);
            redirect.addFlashAttribute("flash", "Скан приложен к обращению: " + scan.describe() + ".");
        } catch (ApiProblem | PlatformUnavailableException | IllegalStateException failed) {
            log.warn("a support request's scan was not attached: {}", failed.getClass().getSimpleName());
            redirect.addFlashAttribute("problem", "Обращение принято, но скан к нему не приложен: сервис "
                    + "документов не принял его сейчас. Опишите документ в переписке, если он нужен.");
        }
    }

    /** The ticket number, big, right after filing (from the flash: a reload goes on to the list). */
    @GetMapping("/support/filed")
    String filed(Model model) {
        if (!model.containsAttribute("ticketNumber")) {
            return "redirect:/support";
        }
        model.addAttribute("publicRequest", false);
        return "support/filed";
    }

    @GetMapping("/support/{id}")
    String detail(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Model model) {
        requireId(id);
        return detailPage(me, id, new LinkedHashMap<>(), "", model);
    }

    @PostMapping("/support/{id}/close")
    String close(@AuthenticationPrincipal SignedIn me, @PathVariable String id, RedirectAttributes redirect) {
        requireId(id);
        try {
            platform.as(me, HttpMethod.POST, "/api/support/me/requests/{id}/close", id).send();
            redirect.addFlashAttribute("flash", "Обращение закрыто. Его можно открыть снова в течение 14 дней после "
                    + "ответа.");
        } catch (ApiProblem refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", "Это обращение сейчас нельзя закрыть.");
        }
        return "redirect:/support/" + id;
    }

    @PostMapping("/support/{id}/reopen")
    String reopen(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                  @RequestParam(required = false) String text, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        requireId(id);
        String message = SupportForms.normalised(text);
        String wrong = SupportForms.text(message, SupportForms.TEXT_MIN);
        if (wrong != null) {
            response.setStatus(400);
            return detailPage(me, id, new LinkedHashMap<>(Map.of("reopenText", wrong)), message, model);
        }
        try {
            platform.as(me, HttpMethod.POST, "/api/support/me/requests/{id}/reopen", id)
                    .body(Map.of("text", message)).send();
            redirect.addFlashAttribute("flash", "Обращение открыто снова. Ответ придёт в течение 24 часов.");
        } catch (ApiProblem refused) {
            if (refused.status() == 400 || refused.status() == 422) {
                response.setStatus(refused.status());
                return detailPage(me, id, new LinkedHashMap<>(Map.of("reopenText",
                        "Проверьте текст: от " + SupportForms.TEXT_MIN + " до " + SupportForms.TEXT_MAX
                                + " символов.")), message, model);
            }
            if (refused.status() != 409) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", "Это обращение больше нельзя открыть снова: прошло 14 дней после "
                    + "ответа. Подайте новое обращение.");
        }
        return "redirect:/support/" + id;
    }

    private String detailPage(SignedIn me, String id, Map<String, String> errors, String reopenText, Model model) {
        model.addAttribute("r", platform.as(me, HttpMethod.GET, "/api/support/me/requests/{id}", id).json());
        model.addAttribute("errors", errors);
        model.addAttribute("reopenText", reopenText);
        return "support/detail";
    }

    private String formPage(Map<String, String> values, Map<String, String> errors, Model model) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("publicRequest", false);
        return "support/new";
    }

    static void requireId(String id) {
        if (!SupportForms.REQUEST_ID.matcher(id).matches()) {
            throw new ApiProblem(404, "not-found", null, Map.of(), null);
        }
    }
}
