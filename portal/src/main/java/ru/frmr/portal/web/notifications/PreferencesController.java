package ru.frmr.portal.web.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
 * «Настройки уведомлений»: per kind of notice and channel whether it is sent, and quiet hours during which e-mail
 * and SMS wait (they are delayed, never dropped). Security notices cannot be switched off and the cabinet's inbox
 * always gets every notice: those boxes are shown, checked and disabled, with the reason. notification-service
 * keeps the preferences; the form sends back ({@code PUT}) the cells the person may change and the quiet hours.
 */
@Controller
class PreferencesController {

    static final List<String> CHANNELS = List.of("EMAIL", "SMS", "INBOX");
    static final Map<String, String> CHANNEL_NAMES = Map.of("EMAIL", "Электронная почта", "SMS", "SMS",
            "INBOX", "В личном кабинете");
    static final Pattern TIME = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d$");
    static final String PREFERENCES = "/api/notifications/me/preferences";

    private final Platform platform;

    PreferencesController(Platform platform) {
        this.platform = platform;
    }

    /** One cell of the table: a kind's channel. */
    record Cell(String channel, String name, String field, boolean available, boolean enabled, boolean editable) {
    }

    /** One kind of notice: a row of the table. */
    record Row(String kind, String title, boolean security, List<Cell> cells) {
    }

    @GetMapping("/notifications/settings")
    String page(@AuthenticationPrincipal SignedIn me, Model model) {
        JsonNode preferences = platform.as(me, HttpMethod.GET, PREFERENCES).json();
        JsonNode quiet = preferences.path("quietHours");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("quietEnabled", String.valueOf(quiet.path("enabled").asBoolean(false)));
        values.put("quietFrom", quiet.path("from").asText("22:00"));
        values.put("quietTo", quiet.path("to").asText("08:00"));
        return render(preferences, rows(preferences, null), values, new LinkedHashMap<>(), model);
    }

    @PostMapping("/notifications/settings")
    String save(@AuthenticationPrincipal SignedIn me, @RequestParam Map<String, String> form, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        JsonNode preferences = platform.as(me, HttpMethod.GET, PREFERENCES).json();
        List<Row> rows = rows(preferences, form);
        Map<String, String> values = new LinkedHashMap<>();
        boolean quietEnabled = form.containsKey("quietEnabled");
        values.put("quietEnabled", String.valueOf(quietEnabled));
        values.put("quietFrom", form.getOrDefault("quietFrom", "").strip());
        values.put("quietTo", form.getOrDefault("quietTo", "").strip());
        Map<String, String> errors = checkQuietHours(values, quietEnabled);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return render(preferences, rows, values, errors, model);
        }
        JsonNode loadedQuiet = preferences.path("quietHours");
        Map<String, Object> quiet = new LinkedHashMap<>();
        quiet.put("enabled", quietEnabled);
        // Switched off, the hours the person typed are kept only when they are well formed.
        quiet.put("from", TIME.matcher(values.get("quietFrom")).matches() ? values.get("quietFrom")
                : loadedQuiet.path("from").asText("22:00"));
        quiet.put("to", TIME.matcher(values.get("quietTo")).matches() ? values.get("quietTo")
                : loadedQuiet.path("to").asText("08:00"));
        quiet.put("timeZone", loadedQuiet.path("timeZone").asText("Europe/Moscow"));
        // Only what the person may change: the service keeps the rest (a security notice or the inbox switched
        // off, or a channel a kind has no template for switched on, is refused).
        List<Map<String, Object>> kinds = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> channels = new LinkedHashMap<>();
            for (Cell cell : row.cells()) {
                if (cell.editable()) {
                    channels.put(cell.channel(), Map.of("enabled", cell.enabled()));
                }
            }
            if (!channels.isEmpty()) {
                kinds.add(Map.of("kind", row.kind(), "channels", channels));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kinds", kinds);
        body.put("quietHours", quiet);
        try {
            platform.as(me, HttpMethod.PUT, PREFERENCES).body(body).send();
        } catch (ApiProblem refused) {
            if (refused.status() != 400 && refused.status() != 422) {
                throw refused;
            }
            response.setStatus(refused.status());
            return render(preferences, rows, values, refusedFields(refused), model);
        }
        redirect.addFlashAttribute("flash", "Настройки уведомлений сохранены.");
        return "redirect:/notifications/settings";
    }

    /**
     * The table as loaded, or with the form's choices in the cells the person may change (a disabled box is not
     * sent by the browser: its cell keeps what was loaded).
     */
    static List<Row> rows(JsonNode preferences, Map<String, String> form) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode kind : preferences.path("kinds")) {
            String name = kind.path("kind").asText();
            boolean security = kind.path("security").asBoolean(false);
            List<Cell> cells = new ArrayList<>();
            for (String channel : CHANNELS) {
                JsonNode state = kind.path("channels").path(channel);
                boolean available = state.path("available").asBoolean(false);
                boolean editable = available && !security && !"INBOX".equals(channel);
                String field = "c-" + name + "-" + channel;
                boolean enabled = editable && form != null ? form.containsKey(field)
                        : state.path("enabled").asBoolean(false);
                cells.add(new Cell(channel, CHANNEL_NAMES.get(channel), field, available, enabled, editable));
            }
            rows.add(new Row(name, kind.path("title").asText(name), security, cells));
        }
        return rows;
    }

    static Map<String, String> checkQuietHours(Map<String, String> values, boolean enabled) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!enabled) {
            return errors;
        }
        if (!TIME.matcher(values.get("quietFrom")).matches()) {
            errors.put("quietFrom", "Укажите начало тихих часов в формате ЧЧ:ММ, например 22:00.");
        }
        if (!TIME.matcher(values.get("quietTo")).matches()) {
            errors.put("quietTo", "Укажите конец тихих часов в формате ЧЧ:ММ, например 08:00.");
        }
        if (errors.isEmpty() && values.get("quietFrom").equals(values.get("quietTo"))) {
            errors.put("quietTo", "Конец тихих часов должен отличаться от начала.");
        }
        return errors;
    }

    /** The service's field names ({@code quietHours.from}) as the form's; what names none is said above it. */
    private static Map<String, String> refusedFields(ApiProblem refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        refused.fieldErrors().keySet().forEach(field -> {
            if (field.startsWith("quietHours.from")) {
                errors.put("quietFrom", "Проверьте начало тихих часов.");
            } else if (field.startsWith("quietHours.to")) {
                errors.put("quietTo", "Проверьте конец тихих часов.");
            } else if (field.startsWith("quietHours")) {
                errors.put("quietEnabled", "Проверьте тихие часы.");
            }
        });
        if (errors.isEmpty()) {
            errors.put("preferences", "Эти настройки нельзя сохранить: уведомления о безопасности и уведомления "
                    + "в личном кабинете отключить нельзя.");
        }
        return errors;
    }

    private String render(JsonNode preferences, List<Row> rows, Map<String, String> values,
                          Map<String, String> errors, Model model) {
        model.addAttribute("rows", rows);
        model.addAttribute("channels", CHANNELS.stream().map(CHANNEL_NAMES::get).toList());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("email", preferences.path("contacts").path("email").asText(null));
        model.addAttribute("mobile", preferences.path("contacts").path("mobile").asText(null));
        model.addAttribute("timeZone", preferences.path("quietHours").path("timeZone").asText("Europe/Moscow"));
        return "notifications/settings";
    }
}
