package ru.frmr.portal.web.sessions;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.Platform;
import ru.frmr.portal.login.SignedIn;

/**
 * "Active sessions": every device the person is signed in on (auth-service's sessions of their account), ending
 * one of the others or all of them. Ending this one is the logout ({@code POST /logout}), which also ends the
 * ESIA session. The forms are plain POSTs (htmx only swaps the list in place); each answers with a redirect back
 * to the list and a line saying what happened.
 */
@Controller
class SessionsController {

    private static final Pattern SESSION_ID =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private final Platform platform;

    SessionsController(Platform platform) {
        this.platform = platform;
    }

    /**
     * One session as the page shows it.
     *
     * @param userAgent the browser's own description, shown under the summary
     * @param method    how the person signed in, in words
     */
    record SessionRow(String id, String device, String userAgent, String ip, String method, String startedAt,
                      String lastSeenAt, boolean current) {
    }

    @GetMapping("/sessions")
    String list(@AuthenticationPrincipal SignedIn me, Model model) {
        List<SessionRow> rows = new ArrayList<>();
        platform.as(me, HttpMethod.GET, "/api/auth/sessions").json().forEach(session -> rows.add(row(session)));
        // This device first, then the others by their last activity, latest first.
        rows.sort(Comparator.comparing(SessionRow::current).reversed()
                .thenComparing(row -> instant(row.lastSeenAt()), Comparator.nullsLast(Comparator.reverseOrder())));
        model.addAttribute("sessions", rows);
        model.addAttribute("others", rows.stream().filter(row -> !row.current()).count());
        return "sessions";
    }

    @PostMapping("/sessions/{id}/end")
    String end(@AuthenticationPrincipal SignedIn me, @PathVariable String id, RedirectAttributes redirect)
            throws NoResourceFoundException {
        if (!SESSION_ID.matcher(id).matches()) {
            throw new NoResourceFoundException(HttpMethod.POST, "/sessions/" + id + "/end");
        }
        if (id.equals(me.sessionId())) {
            redirect.addFlashAttribute("flashError", "Этот сеанс завершается кнопкой «Выйти».");
            return "redirect:/sessions";
        }
        try {
            platform.as(me, HttpMethod.DELETE, "/api/auth/sessions/{id}", id).send();
            redirect.addFlashAttribute("flash", "Сеанс завершён. На том устройстве потребуется снова войти.");
        } catch (ApiProblem refused) {
            if (refused.status() != 404) {
                throw refused;
            }
            // Ended meanwhile (expired, or ended from another device): what the person wanted has happened.
            redirect.addFlashAttribute("flash", "Этот сеанс уже завершён.");
        }
        return "redirect:/sessions";
    }

    @PostMapping("/sessions/end-others")
    String endOthers(@AuthenticationPrincipal SignedIn me, RedirectAttributes redirect) {
        long ended = platform.as(me, HttpMethod.DELETE, "/api/auth/sessions?others=true").json()
                .path("ended").asLong();
        redirect.addFlashAttribute("flash", ended == 0 ? "Других активных сеансов нет."
                : "Завершены все другие сеансы (" + ended + "). На тех устройствах потребуется снова войти.");
        return "redirect:/sessions";
    }

    private static SessionRow row(JsonNode session) {
        String userAgent = session.path("device").asText(null);
        return new SessionRow(session.path("id").asText(), DeviceSummary.of(userAgent), userAgent,
                session.path("ip").asText(null), method(session.path("method").asText(null)),
                session.path("startedAt").asText(null), session.path("lastSeenAt").asText(null),
                session.path("current").asBoolean(false));
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    static String method(String method) {
        if (method == null) {
            return "—";
        }
        return switch (method) {
            case "ESIA" -> "Госуслуги (ЕСИА)";
            case "OIDC" -> "Единый вход организации (OpenID Connect)";
            case "QUALIFIED_SIGNATURE" -> "Квалифицированная электронная подпись";
            default -> method;
        };
    }
}
