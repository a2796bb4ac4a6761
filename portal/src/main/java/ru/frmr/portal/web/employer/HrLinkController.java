package ru.frmr.portal.web.employer;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
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
 * Linking workers to the HR officer's organisation: the lookup by СНИЛС and birth date (the registry matches them;
 * the СНИЛС goes only in the POST body to the registry and is never shown back, put in an address or logged), the
 * request to the worker found, and the organisation's link requests by status with the workers' own requests to
 * accept or decline.
 */
@Controller
class HrLinkController {

    /** The worker the last lookup found, kept in the session until the request goes: no СНИЛС in it. */
    static final String FOUND = "frmr.hr.link.found";
    static final List<String> TABS = List.of("sent", "incoming", "accepted", "declined", "expired");

    private final Platform platform;

    HrLinkController(Platform platform) {
        this.platform = platform;
    }

    /** A worker the registry found: their registry number and ФИО. */
    record Found(String workerId, String fullName) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;
    }

    @GetMapping("/hr/link")
    String form(@AuthenticationPrincipal SignedIn me, HttpSession session, Model model) {
        EmployerForms.organization(me);
        session.removeAttribute(FOUND);
        model.addAttribute("errors", Map.of());
        return "employer/hr-link";
    }

    @PostMapping("/hr/link")
    String lookup(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String snils,
                  @RequestParam(defaultValue = "") String birthDate, HttpSession session, Model model,
                  HttpServletResponse response) {
        EmployerForms.organization(me);
        session.removeAttribute(FOUND);
        Map<String, String> errors = new LinkedHashMap<>();
        String digits = snils.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{11}")) {
            errors.put("snils", "Введите СНИЛС: 11 цифр, например 000-000-000 00.");
        }
        Optional<java.time.LocalDate> born = EmployerForms.date(birthDate);
        if (born.isEmpty()) {
            errors.put("birthDate", "Введите дату рождения в формате ДД.ММ.ГГГГ.");
        }
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return "employer/hr-link";
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("snils", digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6, 9) + " "
                + digits.substring(9));
        body.put("birthDate", born.get().toString());
        JsonNode found;
        try {
            found = platform.as(me, HttpMethod.POST, "/api/registry/workers/lookup").body(body).json();
        } catch (ApiProblem refused) {
            if (refused.status() == 404) {
                // Neither value is repeated: the page says only that no one matched both.
                model.addAttribute("notFound", true);
                response.setStatus(404);
                return "employer/hr-link";
            }
            if (refused.status() != 400 && refused.status() != 422) {
                throw refused;
            }
            model.addAttribute("errors", EmployerForms.toFields(refused,
                    Map.of("snils", "snils", "birthDate", "birthDate"), "Проверьте СНИЛС и дату рождения."));
            response.setStatus(refused.status());
            return "employer/hr-link";
        }
        String workerId = found.path("workerId").asText("");
        if (!EmployerForms.UUID.matcher(workerId).matches()) {
            throw new IllegalStateException("the registry's lookup answered no registry number");
        }
        Found worker = new Found(workerId, found.path("fullName").asText(""));
        session.setAttribute(FOUND, worker);
        model.addAttribute("found", worker);
        return "employer/hr-link";
    }

    @PostMapping("/hr/link/request")
    String request(@AuthenticationPrincipal SignedIn me, HttpSession session, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        String org = EmployerForms.organization(me);
        if (!(session.getAttribute(FOUND) instanceof Found worker)) {
            // The lookup is the way to a worker: without one in this session, start again.
            return "redirect:/hr/link";
        }
        try {
            platform.as(me, HttpMethod.POST, "/api/employer/organizations/{org}/link-requests", org)
                    .body(Map.of("workerId", worker.workerId())).json();
        } catch (ApiProblem refused) {
            if (!EmployerForms.refusedInput(refused) && refused.status() != 404) {
                throw refused;
            }
            model.addAttribute("found", worker);
            model.addAttribute("errors", Map.of(EmployerForms.GENERAL, refused.status() == 409
                    ? "С этим работником уже есть запрос, ожидающий ответа, или он уже связан с организацией."
                    : "Запрос не отправлен. Найдите работника заново и повторите."));
            response.setStatus(refused.status());
            return "employer/hr-link";
        }
        session.removeAttribute(FOUND);
        redirect.addFlashAttribute("flash", "Запрос отправлен: " + worker.fullName()
                + ". Работник увидит его в личном кабинете.");
        return "redirect:/hr/link-requests?tab=sent";
    }

    // --- the organisation's link requests --------------------------------------------------------------------------

    @GetMapping("/hr/link-requests")
    String requests(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "sent") String tab,
                    @RequestParam(defaultValue = "0") int page, Model model) {
        String org = EmployerForms.organization(me);
        String shown = TABS.contains(tab) ? tab : "sent";
        boolean pending = "sent".equals(shown) || "incoming".equals(shown);
        int size = EmployerForms.PAGE_SIZE;
        int current = EmployerForms.page(page);
        String status = pending ? "PENDING" : shown.toUpperCase();
        // The pending tabs are the organisation's own requests («sent») and the workers' («incoming»).
        String initiatedBy = "sent".equals(shown) ? "EMPLOYER" : "incoming".equals(shown) ? "WORKER" : "";
        JsonNode answer = platform.as(me, HttpMethod.GET,
                "/api/employer/organizations/{org}/link-requests?status={status}&initiatedBy={by}&page={page}"
                        + "&size={size}", org, status, initiatedBy, current, size).json();
        model.addAttribute("tab", shown);
        model.addAttribute("tabs", TABS);
        model.addAttribute("requests", EmployerForms.items(answer));
        model.addAttribute("page", current);
        model.addAttribute("pages", EmployerForms.pages(answer, size));
        return "employer/hr-link-requests";
    }

    @PostMapping("/hr/link-requests/{workerId}/{requestId}/{answer:accept|decline}")
    String answer(@AuthenticationPrincipal SignedIn me, @PathVariable String workerId, @PathVariable String requestId,
                  @PathVariable String answer, RedirectAttributes redirect) {
        String org = EmployerForms.organization(me);
        HrStaffController.requireWorkerId(workerId);
        if (!EmployerForms.ID.matcher(requestId).matches()) {
            throw new ApiProblem(404, "not-found", null, Map.of(), null);
        }
        try {
            platform.as(me, HttpMethod.POST,
                    "/api/employer/organizations/{org}/workers/{worker}/link-requests/{request}/" + answer, org,
                    workerId, requestId).send();
            redirect.addFlashAttribute("flash", "accept".equals(answer)
                    ? "Запрос работника принят: можно вносить сведения о его работе" : "Запрос работника отклонён");
        } catch (ApiProblem refused) {
            if (!refused.clientError() || refused.status() == 429) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", "Этот запрос уже не ждёт ответа: на него ответили или истёк срок.");
        }
        return "redirect:/hr/link-requests?tab=" + ("accept".equals(answer) ? "accepted" : "incoming");
    }
}
