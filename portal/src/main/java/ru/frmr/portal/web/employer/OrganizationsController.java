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
 * The registry administrator's medical organisations (the employer service's): the list with search, adding one
 * and correcting one. The service checks ОГРН, ИНН and КПП with their checksums; the form checks their shape first.
 */
@Controller
class OrganizationsController {

    static final List<String> FIELDS = List.of("name", "ogrn", "inn", "kpp", "frmoId", "regionCode", "address");
    static final int NAME_MAX = 300;
    static final int ADDRESS_MAX = 500;

    private final Platform platform;

    OrganizationsController(Platform platform) {
        this.platform = platform;
    }

    @GetMapping("/admin/organizations")
    String list(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "") String regionCode, @RequestParam(defaultValue = "0") int page,
                Model model) {
        String query = q.strip().length() > 100 ? q.strip().substring(0, 100) : q.strip();
        String region = regionCode.matches("^\\d{2}$") ? regionCode : "";
        int current = EmployerForms.page(page);
        JsonNode answer = region.isEmpty()
                ? platform.as(me, HttpMethod.GET, "/api/employer/organizations?q={q}&page={page}&size={size}", query,
                        current, EmployerForms.PAGE_SIZE).json()
                : platform.as(me, HttpMethod.GET,
                        "/api/employer/organizations?q={q}&regionCode={region}&page={page}&size={size}", query, region,
                        current, EmployerForms.PAGE_SIZE).json();
        model.addAttribute("q", query);
        model.addAttribute("regionCode", region);
        model.addAttribute("organizations", EmployerForms.items(answer));
        model.addAttribute("total", answer.path("total").asLong());
        model.addAttribute("page", current);
        model.addAttribute("pages", EmployerForms.pages(answer, EmployerForms.PAGE_SIZE));
        return "employer/organizations";
    }

    @GetMapping("/admin/organizations/new")
    String newForm(Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(field -> values.put(field, ""));
        return form(model, null, values, Map.of());
    }

    @PostMapping("/admin/organizations/new")
    String add(@AuthenticationPrincipal SignedIn me, @RequestParam Map<String, String> form, Model model,
               HttpServletResponse response, RedirectAttributes redirect) {
        return save(me, null, form, model, response, redirect);
    }

    @GetMapping("/admin/organizations/{orgId}/edit")
    String editForm(@AuthenticationPrincipal SignedIn me, @PathVariable String orgId, Model model) {
        requireOrgId(orgId);
        JsonNode card = platform.as(me, HttpMethod.GET, "/api/employer/organizations/{org}", orgId).json();
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(field -> values.put(field, card.path(field).asText("")));
        values.put("version", card.path("version").asText(""));
        return form(model, orgId, values, Map.of());
    }

    @PostMapping("/admin/organizations/{orgId}/edit")
    String correct(@AuthenticationPrincipal SignedIn me, @PathVariable String orgId,
                   @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        requireOrgId(orgId);
        return save(me, orgId, form, model, response, redirect);
    }

    private String save(SignedIn me, String orgId, Map<String, String> form, Model model,
                        HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(field -> values.put(field, form.getOrDefault(field, "").strip()));
        values.put("version", form.getOrDefault("version", "").strip());
        Map<String, String> errors = validate(values);
        if (orgId != null && !values.get("version").matches("^\\d{1,9}$")) {
            errors.put(EmployerForms.GENERAL, "Откройте форму заново: сведения о версии потерялись.");
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return form(model, orgId, values, errors);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        FIELDS.forEach(field -> body.put(field, values.get(field)));
        JsonNode card;
        try {
            if (orgId == null) {
                card = platform.as(me, HttpMethod.POST, "/api/employer/organizations").body(body).json();
            } else {
                body.put("version", Long.parseLong(values.get("version")));
                card = platform.as(me, HttpMethod.PUT, "/api/employer/organizations/{org}", orgId).body(body).json();
            }
        } catch (ApiProblem refused) {
            if (!EmployerForms.refusedInput(refused)) {
                throw refused;
            }
            Map<String, String> ids = new LinkedHashMap<>();
            FIELDS.forEach(field -> ids.put(field, field));
            ids.put("version", EmployerForms.GENERAL);
            response.setStatus(refused.status());
            return form(model, orgId, values, EmployerForms.toFields(refused, ids, refused.status() == 409
                    ? "Пока вы работали, сведения об организации изменились. Откройте форму заново."
                    : "Сведения не приняты. Проверьте их и повторите."));
        }
        redirect.addFlashAttribute("flash", (orgId == null ? "Организация добавлена: " : "Сведения исправлены: ")
                + card.path("name").asText(values.get("name")));
        return "redirect:/admin/organizations?q=" + java.net.URLEncoder.encode(card.path("ogrn")
                .asText(values.get("ogrn")), java.nio.charset.StandardCharsets.UTF_8);
    }

    static Map<String, String> validate(Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (values.get("name").isEmpty()) {
            errors.put("name", "Укажите полное наименование организации.");
        } else if (values.get("name").length() > NAME_MAX) {
            errors.put("name", "Не длиннее " + NAME_MAX + " символов.");
        }
        if (!values.get("ogrn").matches("^\\d{13}$")) {
            errors.put("ogrn", "ОГРН — 13 цифр.");
        }
        if (!values.get("inn").matches("^\\d{10}$")) {
            errors.put("inn", "ИНН организации — 10 цифр.");
        }
        values.put("kpp", values.get("kpp").toUpperCase());
        if (!values.get("kpp").matches("^\\d{4}[\\dA-Z]{2}\\d{3}$")) {
            errors.put("kpp", "КПП — 9 знаков: 4 цифры, 2 цифры или латинские буквы, 3 цифры.");
        }
        if (!values.get("frmoId").matches("^\\d+(\\.\\d+){3,30}$") || values.get("frmoId").length() > 128) {
            errors.put("frmoId", "Идентификатор ФРМО — OID вида 1.2.643.5.1.13.13.12.2.77.7830.");
        }
        if (!values.get("regionCode").matches("^\\d{2}$")) {
            errors.put("regionCode", "Выберите регион.");
        }
        if (values.get("address").isEmpty()) {
            errors.put("address", "Укажите адрес.");
        } else if (values.get("address").length() > ADDRESS_MAX) {
            errors.put("address", "Не длиннее " + ADDRESS_MAX + " символов.");
        }
        return errors;
    }

    private static String form(Model model, String orgId, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("orgId", orgId);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("action", orgId == null ? "/admin/organizations/new"
                : "/admin/organizations/" + orgId + "/edit");
        return "employer/organization-form";
    }

    private static void requireOrgId(String orgId) {
        if (!EmployerForms.ORG_ID.matcher(orgId).matches()) {
            throw new ApiProblem(404, "not-found", null, Map.of(), null);
        }
    }
}
