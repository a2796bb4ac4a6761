package ru.frmr.portal.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.Platform;
import ru.frmr.portal.api.PlatformUnavailableException;
import ru.frmr.portal.login.SignIn;
import ru.frmr.portal.login.SignedIn;

/**
 * The cabinet's home: who the person is, the state of their account, and what needs their action (changes
 * awaiting moderation, licences about to end, the latest moderation decisions; for an administrator the queues
 * waiting for them).
 */
@Controller
class CabinetController {

    private static final Logger log = LoggerFactory.getLogger(CabinetController.class);

    /** Licences ending within this many days (or ended within as many) are flagged on the home page. */
    static final long EXPIRY_NOTICE_DAYS = 90;
    /** How many of the latest moderation decisions the home page lists; the journal has them all. */
    static final int DECISIONS_SHOWN = 5;

    private final Platform platform;
    private final SignIn signIn;

    CabinetController(Platform platform, SignIn signIn) {
        this.platform = platform;
        this.signIn = signIn;
    }

    /** The right to work on a specialty whose last licence (certificate or accreditation) ends soon or ended. */
    record Expiring(String section, String specialtyCode, String endDate, long days) {

        public boolean accreditation() {
            return "ACCREDITATION".equals(section);
        }
    }

    /** A decision of a moderator on one of the person's changes. */
    record Decision(String section, String changeKind, boolean approved, String reason, String decidedAt,
                    String specialtyCode) {

        /** What the change was about, in words: «Аккредитация: исправление». */
        public String subject() {
            String name = switch (section == null ? "" : section) {
                case "EDUCATION" -> "Образование";
                case "POSTGRADUATE_EDUCATION" -> "Послевузовское образование";
                case "ADDITIONAL_EDUCATION" -> "Дополнительное образование";
                case "CERTIFICATES" -> "Сертификат специалиста";
                case "ACCREDITATION" -> "Аккредитация";
                case "QUALIFICATION_CATEGORIES" -> "Квалификационная категория";
                default -> "Запись";
            };
            String kind = switch (changeKind == null ? "" : changeKind) {
                case "ADD" -> "добавление";
                case "CORRECT" -> "исправление";
                case "REMOVE" -> "удаление";
                default -> null;
            };
            return kind == null ? name : name + ": " + kind;
        }
    }

    @GetMapping("/cabinet")
    String home(@AuthenticationPrincipal SignedIn me, Model model, HttpServletRequest request,
                HttpServletResponse response) {
        SignedIn person = me;
        if (person.has("WORKER") && person.workerId() == null) {
            person = learnWorkerId(person, request, response);
            model.addAttribute("me", person);
        }
        if (person.has("WORKER") && person.workerId() != null) {
            JsonNode worker = platform.as(person, HttpMethod.GET, "/api/registry/workers/{id}", person.workerId())
                    .json();
            JsonNode sections = worker.path("sections");
            model.addAttribute("worker", worker);
            // Before the first login the record has no account status; whoever is signed in has an active account.
            model.addAttribute("accountStatus", worker.path("accountStatus").asText("ACTIVE"));
            long pending = worker.path("pendingChanges").asLong();
            model.addAttribute("pendingChanges", pending);
            model.addAttribute("pendingLabel", pending + " " + plural(pending, "изменение", "изменения", "изменений"));
            model.addAttribute("expiring", expiring(sections));
            model.addAttribute("decisions", decisions(sections));
        }
        if (person.has("REGISTRY_ADMIN")) {
            model.addAttribute("moderationTotal", total(person, "/api/registry/moderation/queue?page=0&size=1"));
            model.addAttribute("activationTotal", total(person, "/api/auth/admin/activation-requests?page=0&size=1"));
        }
        if (person.has("SUPPORT")) {
            model.addAttribute("supportOpen", openSupportRequests(person));
        }
        return "cabinet";
    }

    /**
     * A worker's first login can outrun the registry: auth-service issued the token before the registry linked
     * the record, so the token has no {@code worker_id} yet. One refresh now asks auth-service for a token that has
     * it; the portal session keeps the number from then on. Without it yet the page says the record is on its way.
     */
    private SignedIn learnWorkerId(SignedIn me, HttpServletRequest request, HttpServletResponse response) {
        String workerId = platform.refreshNow(me).path("worker_id").asText(null);
        if (workerId == null || workerId.isBlank()) {
            return me;
        }
        SignedIn known = me.withWorkerId(workerId);
        signIn.update(known, request, response);
        return known;
    }

    /**
     * Per specialty, the licence that ends last: a renewed accreditation supersedes the certificate or
     * accreditation before it, so only when the latest one ends soon (or ended lately) is there something to do.
     * Only approved entries count; a change awaiting moderation grants nothing yet.
     */
    static List<Expiring> expiring(JsonNode sections) {
        Map<String, Expiring> latest = new LinkedHashMap<>();
        for (String section : List.of("CERTIFICATES", "ACCREDITATION")) {
            sections.path(section).forEach(item -> {
                if (!"APPROVED".equals(item.path("status").asText()) || !item.path("expiresInDays").isNumber()) {
                    return;
                }
                String specialty = item.path("entry").path("specialtyCode").asText("");
                Expiring licence = new Expiring(section, specialty.isEmpty() ? null : specialty,
                        item.path("endDate").asText(null), item.path("expiresInDays").asLong());
                latest.merge(specialty, licence, (a, b) -> b.days() > a.days() ? b : a);
            });
        }
        return latest.values().stream()
                .filter(licence -> licence.days() <= EXPIRY_NOTICE_DAYS && licence.days() >= -EXPIRY_NOTICE_DAYS)
                .sorted(Comparator.comparingLong(Expiring::days)).toList();
    }

    /** The latest decisions on the person's changes, newest first: approvals and rejections with their reason. */
    static List<Decision> decisions(JsonNode sections) {
        List<JsonNode> decided = new ArrayList<>();
        sections.forEach(items -> items.forEach(item -> {
            String status = item.path("status").asText();
            if (("APPROVED".equals(status) || "REJECTED".equals(status)) && instant(item.path("decidedAt")) != null) {
                decided.add(item);
            }
        }));
        return decided.stream()
                .sorted(Comparator.comparing((JsonNode item) -> instant(item.path("decidedAt"))).reversed())
                .limit(DECISIONS_SHOWN)
                .map(item -> new Decision(item.path("entry").path("section").asText(null),
                        item.path("changeKind").asText(null), "APPROVED".equals(item.path("status").asText()),
                        item.path("reason").asText(null), item.path("decidedAt").asText(),
                        item.path("entry").path("specialtyCode").asText(null)))
                .toList();
    }

    /**
     * A queue's size for the administrator's panel. The home page stays usable when one queue cannot be counted
     * now: the panel then links to the queue without a number.
     */
    private Long total(SignedIn me, String uri) {
        try {
            return platform.as(me, HttpMethod.GET, uri).json().path("total").asLong();
        } catch (ApiProblem | PlatformUnavailableException uncounted) {
            log.warn("a queue of the cabinet's home could not be counted: {}", uncounted.getMessage());
            return null;
        }
    }

    /** The support queue's open requests (it lists them all, oldest first); null when it cannot be read now. */
    private Long openSupportRequests(SignedIn me) {
        try {
            return (long) platform.as(me, HttpMethod.GET, "/api/support/admin/queue").json().path("items").size();
        } catch (ApiProblem | PlatformUnavailableException uncounted) {
            log.warn("the support queue of the cabinet's home could not be counted: {}", uncounted.getMessage());
            return null;
        }
    }

    private static Instant instant(JsonNode value) {
        try {
            return value.isTextual() ? Instant.parse(value.asText()) : null;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /** The Russian word form for a count: 1 изменение, 3 изменения, 5 изменений. */
    static String plural(long count, String one, String few, String many) {
        long n = Math.abs(count) % 100;
        long last = n % 10;
        return n >= 11 && n <= 14 ? many : last == 1 ? one : last >= 2 && last <= 4 ? few : many;
    }
}
