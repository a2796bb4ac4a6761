package ru.frmr.portal.web.supervision;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.Platform;
import ru.frmr.portal.login.SignedIn;

/**
 * The worker lookup of registry administrators and supervisors, and a worker's record within what the role may see
 * (the registry masks the СНИЛС for them and gives a supervisor the approved entries only). A СНИЛС is looked up
 * only through the POST form, so it never sits in an address, a browser history or an access log.
 */
@Controller
class SupervisionController {

    static final int PAGE_SIZE = 20;
    static final int QUERY_MAX = 100;
    private static final Pattern SNILS = Pattern.compile("^\\d{3}-?\\d{3}-?\\d{3}[ -]?\\d{2}$");
    private static final Pattern UUID =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    /** The key of the lookup's purpose among the purposes kept per worker id (not an id, so never a worker's). */
    private static final String LOOKUP = "lookup";
    private final Platform platform;
    private final AccessPurposes purposes;

    SupervisionController(Platform platform, AccessPurposes purposes) {
        this.platform = platform;
        this.purposes = purposes;
    }

    /** By registry number or name (a link may carry those); a СНИЛС in the address is refused, not searched. */
    @GetMapping("/supervision/workers")
    String lookup(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String q,
                  @RequestParam(defaultValue = "0") int page, Model model, HttpSession session,
                  HttpServletResponse response) {
        if (q != null && SNILS.matcher(q.strip()).matches()) {
            return refuse(model, response, "Поиск по СНИЛС — только через форму: введите СНИЛС и нажмите «Найти»",
                    null);
        }
        return search(me, q, page, model, session, response);
    }

    @PostMapping("/supervision/workers")
    String lookupByForm(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String q,
                        @RequestParam(defaultValue = "0") int page, Model model, HttpSession session,
                        HttpServletResponse response) {
        if (q == null || q.isBlank()) {
            return refuse(model, response, "Введите регистровый номер, СНИЛС или фамилию", q);
        }
        return search(me, q, page, model, session, response);
    }

    /**
     * The purpose of looking workers up (the results show names and birth dates): kept for a while in the session,
     * like a card's, then the search form.
     */
    @PostMapping("/supervision/workers/purpose")
    String statePurposeOfLookup(@RequestParam(required = false) String suggested,
                                @RequestParam(required = false) String details, Model model, HttpSession session,
                                HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        String purpose = AccessPurposes.fromForm(suggested, details, errors);
        if (purpose == null) {
            response.setStatus(400);
            return purposeForm(model, null, suggested == null ? "" : suggested,
                    details == null ? "" : details.strip(), errors);
        }
        purposes.remember(session, LOOKUP, purpose);
        return "redirect:/supervision/workers";
    }

    /**
     * The worker's card, once the administrator or supervisor has said why they open it (the purpose form first;
     * the services record the read with it).
     */
    @GetMapping("/supervision/workers/{id}")
    String record(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Model model, HttpSession session,
                  HttpServletResponse response) {
        requireId(id);
        Optional<String> purpose = purposes.current(session, id);
        if (purpose.isEmpty()) {
            return purposeForm(model, id, "", "", Map.of());
        }
        JsonNode worker;
        try {
            worker = platform.as(me, HttpMethod.GET, "/api/registry/workers/{id}", id).purpose(purpose.get()).json();
        } catch (ApiProblem refused) {
            if (refused.status() != 400 || !refused.fieldErrors().containsKey("purpose")
                    && (refused.type() == null || !refused.type().contains("purpose"))) {
                throw refused;
            }
            // The service did not take the purpose: it is asked for again, with the reason.
            purposes.forget(session, id);
            response.setStatus(400);
            return purposeForm(model, id, "", "", Map.of("details", "Цель доступа не принята: опишите её точнее"));
        }
        model.addAttribute("worker", worker);
        model.addAttribute("purpose", purpose.get());
        model.addAttribute("account", me.has("REGISTRY_ADMIN") ? account(me, id, purpose.get())
                : MissingNode.getInstance());
        return "supervision/worker";
    }

    /** The purpose of opening the worker's card: kept for a while in the session, then the card. */
    @PostMapping("/supervision/workers/{id}/purpose")
    String statePurpose(@PathVariable String id, @RequestParam(required = false) String suggested,
                        @RequestParam(required = false) String details, Model model, HttpSession session,
                        HttpServletResponse response) {
        requireId(id);
        Map<String, String> errors = new LinkedHashMap<>();
        String purpose = AccessPurposes.fromForm(suggested, details, errors);
        if (purpose == null) {
            response.setStatus(400);
            return purposeForm(model, id, suggested == null ? "" : suggested, details == null ? "" : details.strip(),
                    errors);
        }
        purposes.remember(session, id, purpose);
        return "redirect:/supervision/workers/" + id;
    }

    private static String purposeForm(Model model, String id, String suggested, String details,
                                      Map<String, String> errors) {
        model.addAttribute("workerId", id);
        model.addAttribute("suggested", suggested);
        model.addAttribute("details", details);
        model.addAttribute("choices", AccessPurposes.SUGGESTED);
        model.addAttribute("errors", errors);
        return "supervision/purpose";
    }

    private static void requireId(String id) {
        if (!UUID.matcher(id).matches()) {
            throw new ApiProblem(404, "not-found", null, Map.of(), null);
        }
    }

    /** The worker's account in auth-service, for blocking and unblocking; missing when there is none yet. */
    private JsonNode account(SignedIn me, String workerId, String purpose) {
        try {
            JsonNode accounts = platform.as(me, HttpMethod.GET, "/api/auth/accounts?workerId={id}", workerId)
                    .purpose(purpose).json();
            return accounts.isArray() && !accounts.isEmpty() ? accounts.get(0) : MissingNode.getInstance();
        } catch (ApiProblem notKnown) {
            if (notKnown.status() >= 500) {
                throw notKnown;
            }
            return MissingNode.getInstance();
        }
    }

    private String search(SignedIn me, String q, int page, Model model, HttpSession session,
                          HttpServletResponse response) {
        // The results are personal data the registry records each access to: the purpose comes first.
        Optional<String> purpose = purposes.current(session, LOOKUP);
        if (purpose.isEmpty()) {
            return purposeForm(model, null, "", "", Map.of());
        }
        String query = q == null ? "" : q.strip();
        model.addAttribute("q", query);
        model.addAttribute("purpose", purpose.get());
        if (query.isEmpty()) {
            return "supervision/workers";
        }
        if (query.length() > QUERY_MAX) {
            return refuse(model, response, "Запрос — не длиннее " + QUERY_MAX + " символов", query);
        }
        int current = Math.max(0, Math.min(page, 10_000));
        JsonNode found;
        try {
            found = platform.as(me, HttpMethod.GET, "/api/registry/workers?q={q}&page={p}&size={s}", query, current,
                    PAGE_SIZE).purpose(purpose.get()).json();
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            if (problem.fieldErrors().containsKey("purpose")) {
                // The service did not take the purpose: it is asked for again, with the reason.
                purposes.forget(session, LOOKUP);
                response.setStatus(400);
                return purposeForm(model, null, "", "",
                        Map.of("details", "Цель доступа не принята: опишите её точнее"));
            }
            return refuse(model, response, SNILS.matcher(query).matches()
                    ? "СНИЛС указан с ошибкой: проверьте цифры" : "Проверьте запрос: регистровый номер, СНИЛС "
                    + "(000-000-000 00) или начало фамилии", query);
        }
        long total = found.path("total").asLong();
        model.addAttribute("found", found);
        model.addAttribute("page", current);
        model.addAttribute("total", total);
        model.addAttribute("pages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return "supervision/workers";
    }

    private static String refuse(Model model, HttpServletResponse response, String message, String q) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("q", message);
        model.addAttribute("errors", errors);
        // A СНИЛС typed into the address is not shown back either.
        model.addAttribute("q", q == null ? "" : q);
        response.setStatus(400);
        return "supervision/workers";
    }
}
