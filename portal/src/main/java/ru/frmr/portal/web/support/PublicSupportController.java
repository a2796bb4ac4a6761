package ru.frmr.portal.web.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
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
import ru.frmr.portal.login.SignedIn;

/**
 * A support request from someone who cannot log in (reached from the start page, the failed login and the footer):
 * topic, text and the e-mail address the answer goes to; no files (documents-service takes files only from people
 * signed in). notification-service limits such requests per address and per e-mail; over the limit the page says
 * when to try again.
 */
@Controller
class PublicSupportController {

    static final List<String> FIELDS = List.of("topic", "text", "email");

    private final Platform platform;

    PublicSupportController(Platform platform) {
        this.platform = platform;
    }

    @GetMapping("/support/public/new")
    String form(@AuthenticationPrincipal SignedIn me, Model model) {
        if (me != null) {
            // Signed in: the request belongs to the account, its answer may come to the cabinet.
            return "redirect:/support/new";
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("topic", "");
        values.put("text", "");
        values.put("email", "");
        return formPage(values, new LinkedHashMap<>(), model);
    }

    @PostMapping("/support/public/new")
    String file(@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("topic", form.getOrDefault("topic", "").strip());
        values.put("text", SupportForms.normalised(form.get("text")));
        values.put("email", form.getOrDefault("email", "").strip());
        Map<String, String> errors = SupportForms.check(values);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return formPage(values, errors, model);
        }
        JsonNode filed;
        try {
            filed = platform.anonymous(HttpMethod.POST, "/api/support/public/requests").body(values).json();
        } catch (ApiProblem refused) {
            if (refused.status() == 429) {
                response.setStatus(429);
                errors.put("form", "С этого адреса или для этой почты уже отправлено много обращений. "
                        + SupportForms.later(refused.retryAfterSeconds()));
                return formPage(values, errors, model);
            }
            if (refused.status() != 400 && refused.status() != 422) {
                throw refused;
            }
            response.setStatus(refused.status());
            return formPage(values, SupportForms.refused(refused, FIELDS,
                    "Обращение не принято. Проверьте сведения и повторите."), model);
        }
        redirect.addFlashAttribute("ticketNumber", filed.path("ticketNumber").asText());
        redirect.addFlashAttribute("answerChannel", "EMAIL");
        return "redirect:/support/public/filed";
    }

    @GetMapping("/support/public/filed")
    String filed(Model model) {
        if (!model.containsAttribute("ticketNumber")) {
            return "redirect:/support/public/new";
        }
        model.addAttribute("publicRequest", true);
        return "support/filed";
    }

    private String formPage(Map<String, String> values, Map<String, String> errors, Model model) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("publicRequest", true);
        return "support/new";
    }
}
