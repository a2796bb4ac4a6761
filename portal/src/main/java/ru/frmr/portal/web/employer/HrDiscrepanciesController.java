package ru.frmr.portal.web.employer;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.Platform;
import ru.frmr.portal.login.SignedIn;

/**
 * The discrepancies workers raised against the HR officer's organisation: the answer's due date (3 working days,
 * the service computes it), the overdue mark, and the answer (corrected or explained). Escalated ones can still be
 * answered: the worker and the supervisor see the answer.
 */
@Controller
class HrDiscrepanciesController {

    static final List<String> STATUSES = List.of("OPEN", "OVERDUE", "ANSWERED");
    static final List<String> OUTCOMES = List.of("CORRECTED", "EXPLAINED");
    static final int EXPLANATION_MAX = 1000;

    private final Platform platform;

    HrDiscrepanciesController(Platform platform) {
        this.platform = platform;
    }

    @GetMapping("/hr/discrepancies")
    String list(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "OPEN") String status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        return page(me, status, page, new LinkedHashMap<>(), new LinkedHashMap<>(), model);
    }

    @PostMapping("/hr/discrepancies/{discrepancyId}/answer")
    String answer(@AuthenticationPrincipal SignedIn me, @PathVariable String discrepancyId,
                  @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String explanation,
                  @RequestParam(defaultValue = "OPEN") String status, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        String org = EmployerForms.organization(me);
        if (!EmployerForms.ID.matcher(discrepancyId).matches()) {
            throw new ApiProblem(404, "not-found", null, Map.of(), null);
        }
        String prefix = "a-" + discrepancyId;
        Map<String, String> values = new LinkedHashMap<>();
        values.put(prefix + "-outcome", outcome.strip());
        values.put(prefix + "-explanation", explanation.strip());
        Map<String, String> errors = new LinkedHashMap<>();
        if (!OUTCOMES.contains(outcome.strip())) {
            errors.put(prefix + "-outcome", "Выберите ответ: сведения исправлены или дано разъяснение.");
        }
        if (explanation.isBlank()) {
            errors.put(prefix + "-explanation", "Напишите ответ работнику.");
        } else if (explanation.strip().length() > EXPLANATION_MAX) {
            errors.put(prefix + "-explanation", "Не длиннее " + EXPLANATION_MAX + " символов.");
        }
        if (errors.isEmpty()) {
            try {
                platform.as(me, HttpMethod.POST,
                        "/api/employer/organizations/{org}/discrepancies/{id}/answer", org, discrepancyId)
                        .body(Map.of("outcome", outcome.strip(), "explanation", explanation.strip())).json();
                redirect.addFlashAttribute("flash", "Ответ отправлен работнику");
                return "redirect:/hr/discrepancies?status=ANSWERED";
            } catch (ApiProblem refused) {
                if (!EmployerForms.refusedInput(refused)) {
                    throw refused;
                }
                EmployerForms.toFields(refused, Map.of("outcome", prefix + "-outcome",
                                "explanation", prefix + "-explanation"), refused.status() == 409
                                ? "На это расхождение уже ответили." : "Ответ не принят. Проверьте его и повторите.")
                        .forEach((id, message) -> errors.put(EmployerForms.GENERAL.equals(id) ? prefix : id,
                                message));
                response.setStatus(refused.status());
            }
        } else {
            response.setStatus(400);
        }
        return page(me, status, 0, values, errors, model);
    }

    private String page(SignedIn me, String status, int page, Map<String, String> values, Map<String, String> errors,
                        Model model) {
        String org = EmployerForms.organization(me);
        String shown = STATUSES.contains(status) ? status : "OPEN";
        int current = EmployerForms.page(page);
        JsonNode answer = platform.as(me, HttpMethod.GET,
                "/api/employer/organizations/{org}/discrepancies?status={status}&page={page}&size={size}", org, shown,
                current, EmployerForms.PAGE_SIZE).json();
        model.addAttribute("status", shown);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("discrepancies", EmployerForms.items(answer));
        model.addAttribute("total", answer.path("total").asLong());
        model.addAttribute("page", current);
        model.addAttribute("pages", EmployerForms.pages(answer, EmployerForms.PAGE_SIZE));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "employer/hr-discrepancies";
    }
}
