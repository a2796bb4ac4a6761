package ru.frmr.portal.web.agencies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The registry administrator's supervisory agencies (auth-service's): the list, onboarding, the agency's Kafka
 * credentials (shown once, on the answer to the form that created or rotated them, never kept by the portal),
 * revocation after a confirmation, and the agency's machine clients (registered with the public keys the agency
 * signs its token requests with). The agency's webhook subscriptions are {@link WebhooksController}'s.
 */
@Controller
class AgenciesController {

    static final int NAME_MAX = 200;
    static final int CLIENT_NAME_MAX = 100;
    static final int JWKS_MAX = 20_000;

    private final Platform platform;
    private final ObjectMapper json;

    AgenciesController(Platform platform, ObjectMapper json) {
        this.platform = platform;
        this.json = json;
    }

    @GetMapping("/admin/agencies")
    String list(@AuthenticationPrincipal SignedIn me, Model model) {
        model.addAttribute("agencies", items(platform.as(me, HttpMethod.GET, "/api/auth/agencies").json()));
        return "agencies/list";
    }

    @GetMapping("/admin/agencies/new")
    String onboardingForm(Model model) {
        return onboardingForm(model, Map.of("name", "", "kind", "", "regionCode", ""), Map.of());
    }

    @PostMapping("/admin/agencies")
    String onboard(@AuthenticationPrincipal SignedIn me, @RequestParam Map<String, String> form, Model model,
                   HttpServletResponse response) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("name", "kind", "regionCode")) {
            values.put(field, form.getOrDefault(field, "").strip());
        }
        Map<String, String> errors = validateAgency(values);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return onboardingForm(model, values, errors);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", values.get("name"));
        body.put("kind", values.get("kind"));
        body.put("regionCode", "REGIONAL_HEALTH_AUTHORITY".equals(values.get("kind")) ? values.get("regionCode")
                : null);
        JsonNode onboarded;
        try {
            onboarded = platform.as(me, HttpMethod.POST, "/api/auth/agencies").body(body).json();
        } catch (ApiProblem refused) {
            if (!AgencyForms.refusedInput(refused)) {
                throw refused;
            }
            response.setStatus(refused.status());
            return onboardingForm(model, values, AgencyForms.toFields(refused, Map.of(
                    "name", new String[] {"name", "Наименование не принято: проверьте его"},
                    "kind", new String[] {"kind", "Выберите вид ведомства из списка"},
                    "regionCode", new String[] {"regionCode", "Регион не принят: выберите его из списка"}),
                    "Ведомство не подключено: проверьте сведения и повторите"));
        }
        return credentials(model, response, onboarded, onboarded.path("kafka"), true);
    }

    @GetMapping("/admin/agencies/{agencyId}")
    String agency(@AuthenticationPrincipal SignedIn me, @PathVariable String agencyId, Model model) {
        return agencyPage(me, agencyId, model, new ClientForm("", List.of(), ""), Map.of());
    }

    /** New Kafka credentials for the agency: the old password stops working, the new one is shown once. */
    @PostMapping("/admin/agencies/{agencyId}/kafka-credentials")
    String rotate(@AuthenticationPrincipal SignedIn me, @PathVariable String agencyId, Model model,
                  HttpServletResponse response) {
        AgencyForms.require(AgencyForms.AGENCY_ID, agencyId);
        JsonNode rotated = platform.as(me, HttpMethod.POST, "/api/auth/agencies/{id}/kafka-credentials", agencyId)
                .json();
        JsonNode agency = platform.as(me, HttpMethod.GET, "/api/auth/agencies/{id}", agencyId).json();
        return credentials(model, response, agency, rotated.path("kafka"), false);
    }

    @GetMapping("/admin/agencies/{agencyId}/revoke")
    String revokeConfirmation(@AuthenticationPrincipal SignedIn me, @PathVariable String agencyId, Model model) {
        AgencyForms.require(AgencyForms.AGENCY_ID, agencyId);
        model.addAttribute("agency", platform.as(me, HttpMethod.GET, "/api/auth/agencies/{id}", agencyId).json());
        return "agencies/revoke";
    }

    @PostMapping("/admin/agencies/{agencyId}/revoke")
    String revoke(@AuthenticationPrincipal SignedIn me, @PathVariable String agencyId,
                  RedirectAttributes redirect) {
        AgencyForms.require(AgencyForms.AGENCY_ID, agencyId);
        try {
            JsonNode revoked = platform.as(me, HttpMethod.POST, "/api/auth/agencies/{id}/revoke", agencyId).json();
            redirect.addFlashAttribute("flash", "Доступ ведомства отозван: " + revoked.path("name").asText(agencyId)
                    + ". Его учётные данные Kafka и машинные клиенты больше не действуют.");
        } catch (ApiProblem refused) {
            if (refused.status() != 409 && refused.status() != 422) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", "Доступ ведомства уже отозван.");
        }
        return "redirect:/admin/agencies/" + agencyId;
    }

    /** What the machine-client form holds, as typed. */
    record ClientForm(String name, List<String> scopes, String jwks) {
    }

    @PostMapping("/admin/agencies/{agencyId}/clients")
    String registerClient(@AuthenticationPrincipal SignedIn me, @PathVariable String agencyId,
                          @RequestParam(defaultValue = "") String name,
                          @RequestParam(required = false) List<String> scopes,
                          @RequestParam(defaultValue = "") String jwks, Model model, HttpServletResponse response,
                          RedirectAttributes redirect) {
        AgencyForms.require(AgencyForms.AGENCY_ID, agencyId);
        ClientForm form = new ClientForm(name.strip(), scopes == null ? List.of() : scopes.stream().distinct()
                .toList(), jwks.strip());
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.name().isEmpty()) {
            errors.put("clientName", "Укажите название клиента (например, «Информационная система надзора»)");
        } else if (form.name().length() > CLIENT_NAME_MAX) {
            errors.put("clientName", "Название — не длиннее " + CLIENT_NAME_MAX + " символов");
        }
        if (form.scopes().isEmpty()) {
            errors.put("scopes", "Отметьте хотя бы одно разрешение");
        } else if (!AgencyWords.SCOPES.keySet().containsAll(form.scopes())) {
            errors.put("scopes", "Отметьте разрешения из списка");
        }
        JsonNode keys = publicKeys(form.jwks(), errors);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return agencyPage(me, agencyId, model, form, errors);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", form.name());
        body.put("jwks", keys);
        body.put("scopes", form.scopes());
        JsonNode client;
        try {
            client = platform.as(me, HttpMethod.POST, "/api/auth/agencies/{id}/clients", agencyId).body(body).json();
        } catch (ApiProblem refused) {
            if (!AgencyForms.refusedInput(refused)) {
                throw refused;
            }
            response.setStatus(refused.status());
            return agencyPage(me, agencyId, model, form, AgencyForms.toFields(refused, Map.of(
                    "name", new String[] {"clientName", "Название не принято: проверьте его"},
                    "scopes", new String[] {"scopes", "Разрешения не приняты: отметьте их из списка"},
                    "jwks", new String[] {"jwks", "Ключи не приняты: нужен набор открытых ключей JWK (EC P-256, "
                            + "RSA или Ed25519) с идентификаторами kid"}),
                    "Клиент не зарегистрирован: проверьте сведения и повторите"));
        }
        redirect.addFlashAttribute("flash", "Машинный клиент зарегистрирован: " + client.path("clientId").asText()
                + ". Адрес выдачи токенов: " + client.path("tokenEndpoint").asText("—"));
        return "redirect:/admin/agencies/" + agencyId;
    }

    @PostMapping("/admin/agencies/{agencyId}/clients/{clientId}/revoke")
    String revokeClient(@AuthenticationPrincipal SignedIn me, @PathVariable String agencyId,
                        @PathVariable String clientId, RedirectAttributes redirect) {
        AgencyForms.require(AgencyForms.AGENCY_ID, agencyId);
        AgencyForms.require(AgencyForms.CLIENT_ID, clientId);
        try {
            platform.as(me, HttpMethod.POST, "/api/auth/agencies/{id}/clients/{client}/revoke", agencyId, clientId)
                    .send();
            redirect.addFlashAttribute("flash", "Машинный клиент " + clientId + " отозван: новых токенов он не "
                    + "получит.");
        } catch (ApiProblem refused) {
            if (refused.status() != 409 && refused.status() != 422) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", "Клиент " + clientId + " уже отозван.");
        }
        return "redirect:/admin/agencies/" + agencyId;
    }

    // --- pages ---------------------------------------------------------------------------------------------------

    private String onboardingForm(Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "agencies/new";
    }

    private String agencyPage(SignedIn me, String agencyId, Model model, ClientForm clientForm,
                              Map<String, String> errors) {
        AgencyForms.require(AgencyForms.AGENCY_ID, agencyId);
        model.addAttribute("agency", platform.as(me, HttpMethod.GET, "/api/auth/agencies/{id}", agencyId).json());
        model.addAttribute("clients", items(platform.as(me, HttpMethod.GET, "/api/auth/agencies/{id}/clients",
                agencyId).json()));
        model.addAttribute("webhooks", items(platform.as(me, HttpMethod.GET,
                "/api/notifications/webhooks?agencyId={id}", agencyId).json()));
        model.addAttribute("clientForm", clientForm);
        if (!model.containsAttribute("webhookForm")) {
            model.addAttribute("webhookForm", WebhooksController.WebhookForm.EMPTY);
        }
        model.addAttribute("errors", errors);
        return "agencies/agency";
    }

    /** The agency's page with the webhook form's refusal (the subscription form lives on it). */
    String agencyPageWith(SignedIn me, String agencyId, Model model, Map<String, String> errors) {
        return agencyPage(me, agencyId, model, new ClientForm("", List.of(), ""), errors);
    }

    /**
     * The credentials page: the one time the password is shown. Neither the portal's session nor any cache keeps
     * it; a reload of the page would send the form again, which the browser asks about first.
     */
    private String credentials(Model model, HttpServletResponse response, JsonNode agency, JsonNode kafka,
                               boolean onboarded) {
        AgencyForms.noStore(response);
        model.addAttribute("agency", agency);
        model.addAttribute("kafka", kafka);
        model.addAttribute("onboarded", onboarded);
        model.addAttribute("consumerProperties", consumerProperties(kafka));
        return "agencies/credentials";
    }

    /** A {@code consumer.properties} for Kafka's console consumer or any Java client, ready to copy. */
    static String consumerProperties(JsonNode kafka) {
        String username = kafka.path("username").asText();
        String prefix = kafka.path("groupPrefix").asText(username + ".");
        return "bootstrap.servers=" + kafka.path("bootstrapServers").asText() + "\n"
                + "security.protocol=" + kafka.path("securityProtocol").asText("SASL_PLAINTEXT") + "\n"
                + "sasl.mechanism=" + kafka.path("mechanism").asText("SCRAM-SHA-512") + "\n"
                + "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"" + jaasQuoted(username) + "\" password=\""
                + jaasQuoted(kafka.path("password").asText()) + "\";\n"
                + "group.id=" + prefix + "main\n"
                + "auto.offset.reset=earliest\n";
    }

    private static String jaasQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static Map<String, String> validateAgency(Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = values.get("name");
        if (name.isEmpty()) {
            errors.put("name", "Укажите наименование ведомства");
        } else if (name.length() > NAME_MAX) {
            errors.put("name", "Наименование — не длиннее " + NAME_MAX + " символов");
        }
        String kind = values.get("kind");
        if (!AgencyWords.KINDS.containsKey(kind)) {
            errors.put("kind", "Выберите вид ведомства");
        } else if ("REGIONAL_HEALTH_AUTHORITY".equals(kind)) {
            String region = values.get("regionCode");
            if (region.isEmpty()) {
                errors.put("regionCode", "Для регионального органа выберите регион");
            } else if (!region.matches("^(0[1-9]|[1-9]\\d)$")) {
                errors.put("regionCode", "Код региона — две цифры от 01 до 99");
            }
        }
        return errors;
    }

    /**
     * The JWKS pasted into the form as JSON: a set of public keys. A private key's members ({@code d}, RSA's
     * primes) are refused here already, so a key the agency should have kept to itself goes no further.
     */
    private JsonNode publicKeys(String text, Map<String, String> errors) {
        if (text.isEmpty()) {
            errors.put("jwks", "Вставьте набор открытых ключей клиента (JWKS) в формате JSON");
            return null;
        }
        if (text.length() > JWKS_MAX) {
            errors.put("jwks", "Набор ключей — не длиннее " + JWKS_MAX + " символов");
            return null;
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(text);
        } catch (JsonProcessingException unreadable) {
            errors.put("jwks", "Это не JSON: вставьте набор ключей вида {\"keys\": [ … ]}");
            return null;
        }
        if (parsed == null || !parsed.path("keys").isArray() || parsed.path("keys").isEmpty()) {
            errors.put("jwks", "Нужен объект с массивом keys, в нём хотя бы один ключ");
            return null;
        }
        for (JsonNode key : parsed.path("keys")) {
            if (!key.isObject() || !key.path("kty").isTextual()) {
                errors.put("jwks", "Каждый ключ — объект JWK с полем kty");
                return null;
            }
            for (String privateMember : List.of("d", "p", "q", "dp", "dq", "qi", "k")) {
                if (key.has(privateMember)) {
                    errors.put("jwks", "В наборе есть закрытый ключ: вставьте только открытые ключи, закрытый "
                            + "ключ остаётся у ведомства");
                    return null;
                }
            }
        }
        return parsed;
    }

    static List<JsonNode> items(JsonNode answer) {
        List<JsonNode> items = new ArrayList<>();
        answer.path("items").forEach(items::add);
        return items;
    }
}
