package ru.frmr.portal.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
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
import ru.frmr.portal.config.PortalProperties;

/**
 * The login, as a backend-for-frontend: the browser goes to auth-service (and ESIA) with a PKCE challenge whose
 * verifier stays in this session; auth-service sends it back with a one-time handoff code, which the portal
 * redeems server to server for the person's tokens. The second factor and the activation request of an account
 * awaiting confirmation are pages of the portal that talk to auth-service the same way. No token ever reaches
 * the browser.
 */
@Controller
class LoginController {

    static final String VERIFIER = "frmr.login.verifier";
    static final String PENDING = "frmr.login.pending";
    static final String SENT_TO = "frmr.login.sentTo";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Platform platform;
    private final SignIn signIn;
    private final String provider;

    LoginController(Platform platform, SignIn signIn, PortalProperties properties) {
        this.platform = platform;
        this.signIn = signIn;
        this.provider = properties.loginProvider();
    }

    @GetMapping("/login")
    String login(HttpSession session) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        session.setAttribute(VERIFIER, verifier);
        return "redirect:/api/auth/" + provider + "/login?challenge=" + challenge(verifier);
    }

    @GetMapping("/login/complete")
    String complete(@RequestParam(required = false) String code, @RequestParam(required = false) String error,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpSession session = request.getSession(false);
        String verifier = session == null ? null : (String) session.getAttribute(VERIFIER);
        if (error != null || code == null || code.length() > 512 || verifier == null) {
            model.addAttribute("reason", error == null ? "expired" : switch (error) {
                case "access_denied", "account_blocked", "account_locked", "second_factor_unavailable" -> error;
                default -> "provider";
            });
            response.setStatus(400);
            return "login/failed";
        }
        session.removeAttribute(VERIFIER);
        JsonNode answer;
        try {
            answer = platform.anonymous(HttpMethod.POST, "/api/auth/handoff")
                    .body(Map.of("code", code, "verifier", verifier)).json();
        } catch (ApiProblem refused) {
            if (!refused.clientError()) {
                throw refused;
            }
            model.addAttribute("reason", "expired");
            response.setStatus(400);
            return "login/failed";
        }
        return next(answer, request, response);
    }

    @GetMapping("/login/code")
    String codePage(HttpSession session, Model model) {
        if (session.getAttribute(PENDING) == null) {
            return "redirect:/login";
        }
        model.addAttribute("sentTo", session.getAttribute(SENT_TO));
        return "login/code";
    }

    @PostMapping("/login/code")
    String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        HttpSession session = request.getSession();
        String pending = (String) session.getAttribute(PENDING);
        if (pending == null) {
            return "redirect:/login";
        }
        model.addAttribute("sentTo", session.getAttribute(SENT_TO));
        String trimmed = code.strip();
        if (!trimmed.matches("\\d{6}")) {
            model.addAttribute("codeError", "Введите шесть цифр кода из письма.");
            response.setStatus(400);
            return "login/code";
        }
        try {
            JsonNode answer = platform.anonymous(HttpMethod.POST, "/api/auth/handoff/second-factor")
                    .body(Map.of("login", pending, "code", trimmed)).json();
            session.removeAttribute(PENDING);
            session.removeAttribute(SENT_TO);
            return next(answer, request, response);
        } catch (ApiProblem refused) {
            if (!refused.clientError() || refused.status() == 429) {
                throw refused;
            }
            model.addAttribute("codeError", refused.status() == 423
                    ? "Слишком много неверных попыток: вход временно заблокирован. Попробуйте позже."
                    : "Код неверен или устарел. Проверьте код или запросите новый.");
            response.setStatus(refused.status());
            return "login/code";
        }
    }

    @PostMapping("/login/code/resend")
    String resend(HttpSession session, RedirectAttributes redirect) {
        String pending = (String) session.getAttribute(PENDING);
        if (pending == null) {
            return "redirect:/login";
        }
        JsonNode answer = platform.anonymous(HttpMethod.POST, "/api/auth/handoff/second-factor/resend")
                .body(Map.of("login", pending)).json();
        session.setAttribute(SENT_TO, answer.path("sentTo").asText(null));
        redirect.addFlashAttribute("resent", true);
        return "redirect:/login/code";
    }

    @GetMapping("/login/activation")
    String activationPage(HttpSession session) {
        return session.getAttribute(PENDING) == null ? "redirect:/login" : "login/activation";
    }

    @PostMapping("/login/activation")
    String requestActivation(HttpSession session, Model model) {
        String pending = (String) session.getAttribute(PENDING);
        if (pending == null) {
            return "redirect:/login";
        }
        platform.anonymous(HttpMethod.POST, "/api/auth/handoff/activation-request")
                .body(Map.of("login", pending)).send();
        session.removeAttribute(PENDING);
        model.addAttribute("requested", true);
        return "login/activation";
    }

    /** Ends the platform session and this one, then follows the ESIA logout (a page of its own, see below). */
    @PostMapping("/logout")
    String logout(@AuthenticationPrincipal SignedIn person, HttpServletRequest request,
                  RedirectAttributes redirect) {
        String esiaLogout = null;
        if (person != null) {
            try {
                esiaLogout = platform.as(person, HttpMethod.POST, "/api/auth/logout").json()
                        .path("logoutUrl").asText(null);
            } catch (RuntimeException alreadyEnded) {
                // The platform session is over already (or unreachable): this portal session ends all the same.
            }
        }
        signIn.close(person, request);
        if (esiaLogout != null && esiaLogout.matches("^https?://[^\\s\"<>]+$")) {
            redirect.addFlashAttribute("esiaLogout", esiaLogout);
        }
        return "redirect:/logout/done";
    }

    /**
     * Leads on to the ESIA logout with a refresh of the page, not a redirect of the logout form: the
     * Content-Security-Policy lets the portal's forms go to the portal only.
     */
    @GetMapping("/logout/done")
    String loggedOut() {
        return "login/logged-out";
    }

    private String next(JsonNode answer, HttpServletRequest request, HttpServletResponse response) {
        String status = answer.path("status").asText();
        HttpSession session = request.getSession();
        switch (status) {
            case "SESSION_OPENED":
                String next = signIn.open(answer, request, response);
                greet(request, response);
                return "redirect:" + next;
            case "SECOND_FACTOR_REQUIRED":
                session.setAttribute(PENDING, answer.path("login").asText());
                session.setAttribute(SENT_TO, answer.path("sentTo").asText(null));
                return "redirect:/login/code";
            case "ACTIVATION_REQUIRED":
                session.setAttribute(PENDING, answer.path("login").asText());
                return "redirect:/login/activation";
            default:
                throw new IllegalStateException("auth-service answered the handoff with status " + status);
        }
    }

    /**
     * The header greets a worker by name from their record (auth-service's token carries no name). Best effort: a
     * record not readable yet leaves the greeting generic, the login goes on.
     */
    private void greet(HttpServletRequest request, HttpServletResponse response) {
        if (org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication()
                .getPrincipal() instanceof SignedIn person && person.has("WORKER") && person.workerId() != null
                && person.displayName() == null) {
            try {
                JsonNode worker = platform.as(person, HttpMethod.GET, "/api/registry/workers/{id}", person.workerId())
                        .json();
                String name = String.join(" ", worker.path("lastName").asText(""), worker.path("firstName").asText(""),
                        worker.path("middleName").asText("")).trim().replaceAll("\\s+", " ");
                if (!name.isEmpty()) {
                    signIn.update(person.withDisplayName(name), request, response);
                }
            } catch (RuntimeException notYet) {
                // The cabinet shows the name from the record once it can be read.
            }
        }
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
