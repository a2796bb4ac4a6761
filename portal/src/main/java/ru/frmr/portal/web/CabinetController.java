package ru.frmr.portal.web;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ru.frmr.portal.api.Platform;
import ru.frmr.portal.login.SignedIn;

/**
 * The cabinet's home: who the person is, the state of their account, and what needs their action (changes
 * awaiting moderation, licences about to end; for an administrator the queues waiting for them).
 */
@Controller
class CabinetController {

    /** Licences ending within this many days are flagged on the home page. */
    static final long EXPIRY_NOTICE_DAYS = 90;

    private final Platform platform;
    private final Formats formats;

    CabinetController(Platform platform, Formats formats) {
        this.platform = platform;
        this.formats = formats;
    }

    /** A licence (certificate or accreditation) ending soon or ended. */
    record Expiring(String section, String endDate, long days) {
    }

    @GetMapping("/cabinet")
    String home(@AuthenticationPrincipal SignedIn me, Model model) {
        if (me.has("WORKER") && me.workerId() != null) {
            JsonNode worker = platform.as(me, HttpMethod.GET, "/api/registry/workers/{id}", me.workerId()).json();
            model.addAttribute("worker", worker);
            model.addAttribute("expiring", expiring(worker));
        }
        if (me.has("REGISTRY_ADMIN")) {
            model.addAttribute("moderationTotal", platform.as(me, HttpMethod.GET,
                    "/api/registry/moderation/queue?page=0&size=1").json().path("total").asLong());
        }
        return "cabinet";
    }

    private List<Expiring> expiring(JsonNode worker) {
        List<Expiring> soon = new ArrayList<>();
        worker.path("entries").forEach(entry -> {
            JsonNode value = entry.has("entry") ? entry.path("entry") : entry;
            String section = value.path("section").asText();
            String end = value.path("endDate").asText(null);
            if (("ACCREDITATION".equals(section) || "CERTIFICATES".equals(section)) && end != null) {
                Long days = formats.daysUntil(end);
                if (days != null && days <= EXPIRY_NOTICE_DAYS) {
                    soon.add(new Expiring(section, end, days));
                }
            }
        });
        return soon;
    }
}
