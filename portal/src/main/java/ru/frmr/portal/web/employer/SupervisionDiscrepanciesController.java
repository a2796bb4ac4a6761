package ru.frmr.portal.web.employer;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ru.frmr.portal.api.Platform;
import ru.frmr.portal.login.SignedIn;

/** The supervisory agencies' queue: discrepancies an employer left unanswered past the due date (escalated). */
@Controller
class SupervisionDiscrepanciesController {

    private final Platform platform;

    SupervisionDiscrepanciesController(Platform platform) {
        this.platform = platform;
    }

    @GetMapping("/supervision/discrepancies")
    String queue(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "0") int page, Model model) {
        int current = EmployerForms.page(page);
        JsonNode answer = platform.as(me, HttpMethod.GET,
                "/api/employer/supervision/discrepancies?page={page}&size={size}", current, EmployerForms.PAGE_SIZE)
                .json();
        model.addAttribute("discrepancies", EmployerForms.items(answer));
        model.addAttribute("total", answer.path("total").asLong());
        model.addAttribute("page", current);
        model.addAttribute("pages", EmployerForms.pages(answer, EmployerForms.PAGE_SIZE));
        return "employer/supervision-discrepancies";
    }
}
