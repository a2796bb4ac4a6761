package ru.frmr.portal.web.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.Platform;
import ru.frmr.portal.login.SignedIn;

/**
 * The auditor's view of the audit ledger: entries filtered by subject, event type and dates (days in Moscow time,
 * both ends included), and whether the hash chain is intact, checked anew each time the ledger is opened.
 */
@Controller
class AuditLedgerController {

    static final int PAGE_SIZE = 50;
    static final int TEXT_MAX = 200;
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    private final Platform platform;

    AuditLedgerController(Platform platform) {
        this.platform = platform;
    }

    /** The filter as the form shows it; the dates as typed. */
    record Filter(String subject, String type, String from, String to) {

        /** The same filter on another page, as a link. */
        public String pageLink(int page) {
            return UriComponentsBuilder.fromPath("/audit").queryParam("subject", subject).queryParam("type", type)
                    .queryParam("from", from).queryParam("to", to).queryParam("page", page).encode().build()
                    .toUriString();
        }
    }

    @GetMapping("/audit")
    String ledger(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String subject,
                  @RequestParam(required = false) String type, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
                  Model model, HttpServletResponse response) {
        Filter filter = new Filter(strip(subject), strip(type), strip(from), strip(to));
        model.addAttribute("filter", filter);
        JsonNode verification = platform.as(me, HttpMethod.GET, "/api/audit/verify").json();
        model.addAttribute("verification", verification);
        model.addAttribute("checkedWord", entriesWord(verification.path("entries").asLong()));

        Map<String, String> errors = new LinkedHashMap<>();
        if (filter.subject().length() > TEXT_MAX) {
            errors.put("subject", "Субъект — не длиннее " + TEXT_MAX + " символов");
        }
        if (filter.type().length() > TEXT_MAX) {
            errors.put("type", "Тип события — не длиннее " + TEXT_MAX + " символов");
        }
        LocalDate fromDate = date(filter.from(), "from", "Дата «с»", errors);
        LocalDate toDate = date(filter.to(), "to", "Дата «по»", errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.put("to", "Дата «по» не может быть раньше даты «с»");
        }
        // A date field takes ISO dates only: a typed ДД.ММ.ГГГГ is shown back as the date it was read as.
        model.addAttribute("filter", new Filter(filter.subject(), filter.type(),
                fromDate == null ? filter.from() : fromDate.toString(), toDate == null ? filter.to() : toDate.toString()));
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            response.setStatus(400);
            return "audit/ledger";
        }
        int current = Math.max(0, Math.min(page, 100_000));
        JsonNode entries;
        try {
            entries = platform.as(me, HttpMethod.GET,
                    "/api/audit/entries?subject={subject}&type={type}&from={from}&to={to}&page={page}&size={size}",
                    filter.subject(), filter.type(),
                    fromDate == null ? "" : fromDate.atStartOfDay(MOSCOW).toInstant().toString(),
                    // The ledger's "to" is exclusive: the whole last day is in.
                    toDate == null ? "" : toDate.plusDays(1).atStartOfDay(MOSCOW).toInstant().toString(),
                    current, PAGE_SIZE).json();
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            errors.put("subject", "Журнал аудита не принял фильтр: проверьте значения");
            model.addAttribute("errors", errors);
            response.setStatus(400);
            return "audit/ledger";
        }
        long total = entries.path("totalItems").asLong();
        model.addAttribute("entries", entries);
        model.addAttribute("page", current);
        model.addAttribute("total", total);
        model.addAttribute("pages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return "audit/ledger";
    }

    @GetMapping("/audit/entries/{sequence}")
    String entry(@AuthenticationPrincipal SignedIn me, @PathVariable long sequence, Model model) {
        if (sequence < 0) {
            throw new ApiProblem(404, "not-found", null, Map.of(), null);
        }
        model.addAttribute("entry", platform.as(me, HttpMethod.GET, "/api/audit/entries/{s}", sequence).json());
        return "audit/entry";
    }

    /** {@code 2026-12-06} (a date field) or {@code 06.12.2026} (typed); null when empty. */
    private static LocalDate date(String text, String field, String label, Map<String, String> errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return text.contains(".") ? LocalDate.parse(text, RUSSIAN_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException unreadable) {
            errors.put(field, label + " — в виде ДД.ММ.ГГГГ");
            return null;
        }
    }

    /** «запись», «записи», «записей» for a count. */
    static String entriesWord(long count) {
        long n = Math.abs(count) % 100;
        long last = n % 10;
        return n >= 11 && n <= 14 ? "записей" : last == 1 ? "запись" : last >= 2 && last <= 4 ? "записи" : "записей";
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
