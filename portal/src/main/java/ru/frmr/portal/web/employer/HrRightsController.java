package ru.frmr.portal.web.employer;

import java.util.ArrayList;
import java.util.HashMap;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.Platform;
import ru.frmr.portal.login.SignedIn;

/**
 * The chief's page of HR rights: the organisation's members as auth-service knows them from their logins (names
 * are there), joined with the grants and their history the employer service records (account ids only); grant and
 * revoke. Only the chief of the organisation (token {@code org_basis} CHIEF) opens it.
 */
@Controller
class HrRightsController {

    private final Platform platform;

    HrRightsController(Platform platform) {
        this.platform = platform;
    }

    /** A member of the organisation with what the rights page says about them. */
    record Member(String accountId, String fullName, boolean chief, boolean admin, String grantedAt,
                  String lastSeenAt) {

        public boolean granted() {
            return grantedAt != null;
        }

        /** Chiefs and administrators act for the organisation by ESIA's record: no grant to give or take. */
        public boolean byEsia() {
            return chief || admin;
        }
    }

    @GetMapping("/hr/rights")
    String rights(@AuthenticationPrincipal SignedIn me, Model model) {
        String org = chiefsOrganization(me);
        JsonNode rights = platform.as(me, HttpMethod.GET, "/api/employer/organizations/{org}/hr-rights", org).json();
        JsonNode members = platform.as(me, HttpMethod.GET, "/api/auth/organizations/{org}/members", org).json();
        Map<String, String> grantedAt = new HashMap<>();
        rights.path("grants").forEach(grant -> grantedAt.put(grant.path("accountId").asText(),
                grant.path("grantedAt").asText(null)));
        Map<String, String> names = new HashMap<>();
        List<Member> list = new ArrayList<>();
        for (JsonNode member : EmployerForms.items(members)) {
            String accountId = member.path("accountId").asText();
            names.put(accountId, member.path("fullName").asText(null));
            list.add(new Member(accountId, member.path("fullName").asText("—"), member.path("chief").asBoolean(),
                    member.path("admin").asBoolean(), grantedAt.get(accountId), member.path("lastSeenAt").asText(null)));
        }
        List<JsonNode> history = new ArrayList<>();
        rights.path("history").forEach(history::add);
        model.addAttribute("members", list);
        model.addAttribute("history", history);
        model.addAttribute("names", names);
        return "employer/hr-rights";
    }

    @PostMapping("/hr/rights/{accountId}/{action:grant|revoke}")
    String change(@AuthenticationPrincipal SignedIn me, @PathVariable String accountId, @PathVariable String action,
                  RedirectAttributes redirect) {
        String org = chiefsOrganization(me);
        if (!EmployerForms.ID.matcher(accountId).matches()) {
            throw new ApiProblem(404, "not-found", null, Map.of(), null);
        }
        try {
            platform.as(me, "grant".equals(action) ? HttpMethod.PUT : HttpMethod.DELETE,
                    "/api/employer/organizations/{org}/hr-rights/{account}", org, accountId).send();
            redirect.addFlashAttribute("flash", "grant".equals(action)
                    ? "Право кадровика выдано: оно действует со следующего входа сотрудника"
                    : "Право кадровика отозвано");
        } catch (ApiProblem refused) {
            if (!refused.clientError() || refused.status() == 429 || refused.status() == 403) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", "Право не изменено: сведения о сотруднике изменились. "
                    + "Обновите страницу.");
        }
        return "redirect:/hr/rights";
    }

    private static String chiefsOrganization(SignedIn me) {
        String org = EmployerForms.organization(me);
        if (!me.chief()) {
            throw new ApiProblem(403, "forbidden", null, Map.of(), null);
        }
        return org;
    }
}
