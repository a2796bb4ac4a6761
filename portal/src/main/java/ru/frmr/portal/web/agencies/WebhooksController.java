package ru.frmr.portal.web.agencies;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * An agency's webhook subscriptions (notification-service's), managed by the registry administrator for the agency:
 * creating one (its signing secret shown once, on the answer to the form), disabling, enabling and deleting it, its
 * delivery log and a replay of deliveries from a moment on.
 */
@Controller
class WebhooksController {

    static final int PAGE_SIZE = 20;
    static final int URL_MAX = 2000;
    static final int DESCRIPTION_MAX = 200;
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final java.time.format.DateTimeFormatter RUSSIAN =
            java.time.format.DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm");

    private final Platform platform;
    private final AgenciesController agencies;
    private final AgencyWords words;
    private final Clock clock;

    WebhooksController(Platform platform, AgenciesController agencies, AgencyWords words, Clock clock) {
        this.platform = platform;
        this.agencies = agencies;
        this.words = words;
        this.clock = clock;
    }

    /** The subscription form as typed. */
    record WebhookForm(String url, List<String> eventTypes, String description) {
        static final WebhookForm EMPTY = new WebhookForm("", List.of(), "");
    }

    @PostMapping("/admin/agencies/{agencyId}/webhooks")
    String create(@AuthenticationPrincipal SignedIn me, @PathVariable String agencyId,
                  @RequestParam(defaultValue = "") String url,
                  @RequestParam(required = false) List<String> eventTypes,
                  @RequestParam(defaultValue = "") String description, Model model, HttpServletResponse response) {
        AgencyForms.require(AgencyForms.AGENCY_ID, agencyId);
        WebhookForm form = new WebhookForm(url.strip(), eventTypes == null ? List.of() : eventTypes.stream()
                .distinct().toList(), description.strip());
        Map<String, String> errors = validate(form);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return formAgain(me, agencyId, model, form, errors);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencyId", agencyId);
        body.put("url", form.url());
        body.put("eventTypes", form.eventTypes());
        body.put("description", form.description().isEmpty() ? null : form.description());
        JsonNode created;
        try {
            created = platform.as(me, HttpMethod.POST, "/api/notifications/webhooks").body(body).json();
        } catch (ApiProblem refused) {
            if (!AgencyForms.refusedInput(refused)) {
                throw refused;
            }
            response.setStatus(refused.status());
            return formAgain(me, agencyId, model, form, AgencyForms.toFields(refused, Map.of(
                    "url", new String[] {"url", "Адрес не принят: нужен адрес https:// в сети Интернет, не "
                            + "внутренний и не локальный"},
                    "eventTypes", new String[] {"eventTypes", "Отметьте типы событий из списка"},
                    "description", new String[] {"description", "Описание не принято"}),
                    "Подписка не создана: проверьте сведения и повторите"));
        }
        AgencyForms.noStore(response);
        model.addAttribute("agencyId", agencyId);
        model.addAttribute("subscription", created);
        return "agencies/webhook-secret";
    }

    @PostMapping("/admin/agencies/{agencyId}/webhooks/{subscriptionId}/{action:disable|enable|delete}")
    String change(@AuthenticationPrincipal SignedIn me, @PathVariable String agencyId,
                  @PathVariable String subscriptionId, @PathVariable String action, RedirectAttributes redirect) {
        AgencyForms.require(AgencyForms.AGENCY_ID, agencyId);
        AgencyForms.require(AgencyForms.SUBSCRIPTION_ID, subscriptionId);
        try {
            if ("delete".equals(action)) {
                platform.as(me, HttpMethod.DELETE, "/api/notifications/webhooks/{id}", subscriptionId).send();
            } else {
                platform.as(me, HttpMethod.POST, "/api/notifications/webhooks/{id}/" + action, subscriptionId).send();
            }
            redirect.addFlashAttribute("flash", switch (action) {
                case "disable" -> "Подписка отключена: события по ней не отправляются.";
                case "enable" -> "Подписка включена.";
                default -> "Подписка удалена.";
            });
        } catch (ApiProblem refused) {
            if (refused.status() != 404 && refused.status() != 409 && refused.status() != 422) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", refused.status() == 404 ? "Подписки больше нет."
                    : "Состояние подписки уже изменилось.");
        }
        return "redirect:/admin/agencies/" + agencyId;
    }

    @GetMapping("/admin/agencies/{agencyId}/webhooks/{subscriptionId}")
    String deliveries(@AuthenticationPrincipal SignedIn me, @PathVariable String agencyId,
                      @PathVariable String subscriptionId, @RequestParam(defaultValue = "0") int page, Model model) {
        return deliveriesPage(me, agencyId, subscriptionId, page, "", Map.of(), model);
    }

    /** Sends the subscription's events again from a moment on (Moscow time as typed), as new deliveries. */
    @PostMapping("/admin/agencies/{agencyId}/webhooks/{subscriptionId}/replay")
    String replay(@AuthenticationPrincipal SignedIn me, @PathVariable String agencyId,
                  @PathVariable String subscriptionId, @RequestParam(defaultValue = "") String since, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        AgencyForms.require(AgencyForms.AGENCY_ID, agencyId);
        AgencyForms.require(AgencyForms.SUBSCRIPTION_ID, subscriptionId);
        String typed = since.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDateTime moment = null;
        if (typed.isEmpty()) {
            errors.put("since", "Укажите дату и время, с которых повторить доставку");
        } else {
            try {
                // A date-time field sends 2026-12-06T10:00; typed by hand it is 06.12.2026 10:00.
                moment = typed.contains(".") ? LocalDateTime.parse(typed, RUSSIAN) : LocalDateTime.parse(typed);
            } catch (DateTimeParseException unreadable) {
                errors.put("since", "Дата и время — в виде ДД.ММ.ГГГГ ЧЧ:ММ");
            }
        }
        if (moment != null && moment.atZone(MOSCOW).toInstant().isAfter(clock.instant())) {
            errors.put("since", "Момент не может быть в будущем");
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return deliveriesPage(me, agencyId, subscriptionId, 0, typed, errors, model);
        }
        JsonNode answer;
        try {
            answer = platform.as(me, HttpMethod.POST, "/api/notifications/webhooks/{id}/replay", subscriptionId)
                    .body(Map.of("since", moment.atZone(MOSCOW).toInstant().toString())).json();
        } catch (ApiProblem refused) {
            if (!AgencyForms.refusedInput(refused)) {
                throw refused;
            }
            response.setStatus(refused.status());
            return deliveriesPage(me, agencyId, subscriptionId, 0, typed, AgencyForms.toFields(refused, Map.of(
                    "since", new String[] {"since", "Момент не принят: проверьте дату и время"}),
                    "Повтор не принят: подписка отключена или удалена"), model);
        }
        redirect.addFlashAttribute("flash", "Поставлено в очередь доставок: " + answer.path("enqueued").asLong()
                + ".");
        return "redirect:/admin/agencies/" + agencyId + "/webhooks/" + subscriptionId;
    }

    private String deliveriesPage(SignedIn me, String agencyId, String subscriptionId, int page, String since,
                                  Map<String, String> errors, Model model) {
        AgencyForms.require(AgencyForms.AGENCY_ID, agencyId);
        AgencyForms.require(AgencyForms.SUBSCRIPTION_ID, subscriptionId);
        JsonNode subscription = platform.as(me, HttpMethod.GET, "/api/notifications/webhooks/{id}", subscriptionId)
                .json();
        if (!agencyId.equals(subscription.path("agencyId").asText())) {
            // Another agency's subscription under this agency's address: not this page.
            throw new ApiProblem(404, "not-found", null, Map.of(), null);
        }
        int current = Math.max(0, Math.min(page, 100_000));
        JsonNode deliveries = platform.as(me, HttpMethod.GET,
                "/api/notifications/webhooks/{id}/deliveries?page={p}&size={s}", subscriptionId, current, PAGE_SIZE)
                .json();
        long total = deliveries.path("total").asLong();
        model.addAttribute("agencyId", agencyId);
        model.addAttribute("subscription", subscription);
        model.addAttribute("deliveries", AgenciesController.items(deliveries));
        model.addAttribute("page", current);
        model.addAttribute("total", total);
        model.addAttribute("pages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("since", since);
        model.addAttribute("errors", errors);
        return "agencies/deliveries";
    }

    private String formAgain(SignedIn me, String agencyId, Model model, WebhookForm form,
                             Map<String, String> errors) {
        model.addAttribute("webhookForm", form);
        return agencies.agencyPageWith(me, agencyId, model, errors);
    }

    private Map<String, String> validate(WebhookForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.url().isEmpty()) {
            errors.put("url", "Укажите адрес, на который отправлять события");
        } else if (form.url().length() > URL_MAX) {
            errors.put("url", "Адрес — не длиннее " + URL_MAX + " символов");
        } else {
            try {
                URI uri = new URI(form.url());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null
                        || uri.getRawUserInfo() != null) {
                    errors.put("url", "Адрес вида https://example.gov.ru/frmr/events, без имени и пароля");
                }
            } catch (URISyntaxException unreadable) {
                errors.put("url", "Адрес вида https://example.gov.ru/frmr/events, без имени и пароля");
            }
        }
        if (form.eventTypes().isEmpty()) {
            errors.put("eventTypes", "Отметьте хотя бы один тип событий");
        } else if (!words.publicEventTypes().containsAll(form.eventTypes())) {
            errors.put("eventTypes", "Отметьте типы событий из списка");
        }
        if (form.description().length() > DESCRIPTION_MAX) {
            errors.put("description", "Описание — не длиннее " + DESCRIPTION_MAX + " символов");
        }
        return errors;
    }
}
