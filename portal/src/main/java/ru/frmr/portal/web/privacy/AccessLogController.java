package ru.frmr.portal.web.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ru.frmr.portal.api.Platform;
import ru.frmr.portal.login.SignedIn;

/**
 * «Кто смотрел мои данные»: the reads of the worker's non-public data by anyone but themselves, newest first, as
 * audit-service recorded them: when, who (a role or an organisation, never another person's name), what and why.
 */
@Controller
class AccessLogController {

    static final int PAGE_SIZE = 20;
    static final Map<String, String> WHAT = Map.of(
            "RECORD", "Запись в регистре",
            "CONTACTS", "Контактные данные",
            "IDENTITY_DOCUMENT", "Документ, удостоверяющий личность",
            "EMPLOYMENT", "Сведения о трудоустройстве",
            "POST_ADDRESS", "Почтовый адрес",
            "SUPPORT_REQUEST", "Обращение в поддержку",
            "CERTIFICATE", "Справка");

    private final Platform platform;

    AccessLogController(Platform platform) {
        this.platform = platform;
    }

    /** One read as the table shows it. */
    record Access(String at, String who, String what, String purpose) {
    }

    @GetMapping("/privacy/access")
    String accessLog(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(0, Math.min(page, 100_000));
        JsonNode answer = platform.as(me, HttpMethod.GET, "/api/audit/me/access?page={p}&size={s}", current,
                PAGE_SIZE).json();
        List<Access> rows = new ArrayList<>();
        answer.path("items").forEach(item -> rows.add(new Access(item.path("at").asText(null),
                item.path("actorLabel").asText("—"), what(item.path("what").asText(null)),
                item.path("purpose").asText("—"))));
        long total = answer.path("total").asLong();
        model.addAttribute("rows", rows);
        model.addAttribute("page", current);
        model.addAttribute("total", total);
        model.addAttribute("pages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return "privacy/access";
    }

    static String what(String code) {
        return code == null ? "—" : WHAT.getOrDefault(code, code);
    }
}
