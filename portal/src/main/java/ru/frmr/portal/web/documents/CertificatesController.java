package ru.frmr.portal.web.documents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
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
 * «Справки»: the worker asks for one (its type, what it is for, how it should reach her) and follows her requests;
 * a request still being made shows its state live (htmx asks for the item every 2 s until the state is one that
 * will not change by itself), a ready справка downloads through the portal.
 */
@Controller
class CertificatesController {

    static final int PAGE_SIZE = 20;
    static final int PURPOSE_MIN = 3;
    static final int PURPOSE_MAX = 300;
    static final int TEXT_MAX = 200;
    static final int APARTMENT_MAX = 20;
    static final List<String> ADDRESS = List.of("postcode", "region", "city", "street", "building", "apartment",
            "recipient");
    static final Pattern REQUEST_ID = DocumentsController.DOCUMENT_ID;

    /** The flash attribute that carries the request just made (its JSON) to the page the browser is sent to. */
    static final String REQUESTED = "requested";

    private final Platform platform;
    private final ObjectMapper json;

    CertificatesController(Platform platform, ObjectMapper json) {
        this.platform = platform;
        this.json = json;
    }

    @GetMapping("/certificates")
    String page(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("type", "");
        values.put("purpose", "");
        values.put("delivery", "DOWNLOAD");
        ADDRESS.forEach(field -> values.put(field, ""));
        return render(me, page, values, new LinkedHashMap<>(), model);
    }

    @PostMapping("/certificates")
    String request(@AuthenticationPrincipal SignedIn me, @RequestParam Map<String, String> form, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("type", "purpose", "delivery")) {
            values.put(field, form.getOrDefault(field, "").strip());
        }
        ADDRESS.forEach(field -> values.put(field, form.getOrDefault(field, "").strip()));
        Map<String, String> errors = check(values);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return render(me, 0, values, errors, model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", values.get("type"));
        body.put("purpose", values.get("purpose"));
        body.put("delivery", values.get("delivery"));
        if ("POST".equals(values.get("delivery"))) {
            Map<String, String> address = new LinkedHashMap<>();
            for (String field : ADDRESS) {
                if (!values.get(field).isEmpty()) {
                    address.put(field, values.get(field));
                }
            }
            body.put("postalAddress", address);
        }
        try {
            JsonNode created = platform.as(me, HttpMethod.POST, "/api/documents/me/certificates").body(body).json();
            if (created.hasNonNull("requestId")) {
                redirect.addFlashAttribute(REQUESTED, created.toString());
            }
        } catch (ApiProblem refused) {
            if (refused.status() != 400 && refused.status() != 422) {
                throw refused;
            }
            response.setStatus(refused.status());
            return render(me, 0, values, refusedFields(refused), model);
        }
        redirect.addFlashAttribute("flash", "Справка запрошена: " + CertificateWords.TYPES.get(values.get("type"))[0]
                + ". Её состояние обновляется в списке ниже.");
        return "redirect:/certificates";
    }

    /** One request as the list shows it: what htmx asks for every 2 s while the request is live. */
    @GetMapping("/certificates/{requestId}/item")
    String item(@AuthenticationPrincipal SignedIn me, @PathVariable String requestId, Model model,
                HttpServletResponse response) {
        requireId(requestId);
        try {
            model.addAttribute("c", platform.as(me, HttpMethod.GET, "/api/documents/me/certificates/{id}",
                    requestId).json());
        } catch (ApiProblem refused) {
            if (refused.status() != 404) {
                throw refused;
            }
            // Just requested, and the service's list has not caught up yet: htmx swaps nothing on 204 and asks again.
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return null;
        }
        return "documents/certificate-item :: item";
    }

    @GetMapping("/certificates/{requestId}/pdf")
    String pdf(@AuthenticationPrincipal SignedIn me, @PathVariable String requestId, HttpServletResponse response,
               RedirectAttributes redirect) {
        requireId(requestId);
        try {
            platform.as(me, HttpMethod.GET, "/api/documents/me/certificates/{id}/pdf", requestId)
                    .relay(response, MediaType.APPLICATION_PDF);
            return null;
        } catch (ApiProblem refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", "Эта справка ещё не готова или уже недоступна для скачивания.");
            return "redirect:/certificates";
        }
    }

    private String render(SignedIn me, int page, Map<String, String> values, Map<String, String> errors,
                          Model model) {
        int current = Math.max(0, Math.min(page, 10_000));
        JsonNode list = platform.as(me, HttpMethod.GET, "/api/documents/me/certificates?page={p}&size={s}", current,
                PAGE_SIZE).json();
        long total = list.path("total").asLong();
        JsonNode items = list.path("items");
        JsonNode requested = current == 0 ? requested(model) : null;
        if (requested != null && !listed(items, requested.path("requestId").asText())) {
            // The service answered the request with its state before its list followed the events: it is shown
            // (and asks for its state) at once, not on the next visit.
            ArrayNode merged = JsonNodeFactory.instance.arrayNode().add(requested);
            items.forEach(merged::add);
            items = merged;
            total++;
        }
        model.addAttribute("items", items);
        model.addAttribute("page", current);
        model.addAttribute("pages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("total", total);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "documents/certificates";
    }

    /** The request this visit follows the redirect of, as the service answered it; none on any other visit. */
    private JsonNode requested(Model model) {
        Object flashed = model.getAttribute(REQUESTED);
        if (!(flashed instanceof String text)) {
            return null;
        }
        try {
            JsonNode item = json.readTree(text);
            return item.isObject() && REQUEST_ID.matcher(item.path("requestId").asText()).matches() ? item : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            return null;
        }
    }

    private static boolean listed(JsonNode items, String requestId) {
        for (JsonNode item : items) {
            if (requestId.equals(item.path("requestId").asText())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> check(Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!CertificateWords.TYPES.containsKey(values.get("type"))) {
            errors.put("type", "Выберите, какая справка нужна.");
        }
        String purpose = values.get("purpose");
        if (purpose.length() < PURPOSE_MIN) {
            errors.put("purpose", "Укажите, для чего нужна справка, например «по месту требования».");
        } else if (purpose.length() > PURPOSE_MAX) {
            errors.put("purpose", "Не длиннее " + PURPOSE_MAX + " символов.");
        } else if (controlCharacters(purpose)) {
            errors.put("purpose", "Уберите из текста служебные символы.");
        }
        if (!CertificateWords.DELIVERIES.containsKey(values.get("delivery"))) {
            errors.put("delivery", "Выберите способ получения.");
        } else if ("POST".equals(values.get("delivery"))) {
            if (!values.get("postcode").matches("\\d{6}")) {
                errors.put("postcode", "Индекс — шесть цифр.");
            }
            required(values, "region", "Укажите регион.", errors);
            required(values, "city", "Укажите населённый пункт.", errors);
            required(values, "street", "Укажите улицу.", errors);
            required(values, "building", "Укажите дом.", errors);
            if (values.get("apartment").length() > APARTMENT_MAX) {
                errors.put("apartment", "Не длиннее " + APARTMENT_MAX + " символов.");
            }
            if (values.get("recipient").length() > TEXT_MAX || controlCharacters(values.get("recipient"))) {
                errors.put("recipient", "Не длиннее " + TEXT_MAX + " символов.");
            }
        }
        return errors;
    }

    private static void required(Map<String, String> values, String field, String message,
                                 Map<String, String> errors) {
        String value = values.get(field);
        if (value.isEmpty()) {
            errors.put(field, message);
        } else if (value.length() > TEXT_MAX || controlCharacters(value)) {
            errors.put(field, "Не длиннее " + TEXT_MAX + " символов.");
        }
    }

    private static boolean controlCharacters(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    /** The service's field names ({@code postalAddress.city}) as the form's; what names none is said above it. */
    private static Map<String, String> refusedFields(ApiProblem refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        refused.fieldErrors().forEach((field, message) -> {
            String name = field.startsWith("postalAddress.") ? field.substring("postalAddress.".length()) : field;
            if ("delivery".equals(name) && refused.status() == 422) {
                errors.put("delivery", "В учётной записи нет адреса электронной почты: выберите другой способ "
                        + "или укажите почту в контактных данных профиля.");
            } else if (ADDRESS.contains(name) || List.of("type", "purpose", "delivery").contains(name)) {
                errors.put(name, "Проверьте это поле.");
            }
        });
        if (errors.isEmpty()) {
            errors.put("form", "Справку не удалось запросить. Проверьте сведения и повторите.");
        }
        return errors;
    }

    private static void requireId(String requestId) {
        if (!REQUEST_ID.matcher(requestId).matches()) {
            throw new ApiProblem(404, "not-found", null, Map.of(), null);
        }
    }
}
