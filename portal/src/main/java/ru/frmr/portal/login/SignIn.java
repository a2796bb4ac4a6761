package ru.frmr.portal.login;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.stereotype.Component;

/**
 * Opens and closes the portal session of a person auth-service has signed in: keeps their tokens
 * ({@link PortalLogins}), puts a {@link SignedIn} into the security context of a fresh session id, and answers
 * where the browser goes next (the page that sent it to the login, or the cabinet).
 */
@Component
public class SignIn {

    private final PortalLogins logins;
    private final ObjectMapper json;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();

    public SignIn(PortalLogins logins, ObjectMapper json) {
        this.logins = logins;
        this.json = json;
    }

    /**
     * @param opened auth-service's answer: {@code access_token}, {@code expires_in}, {@code refresh_token},
     *               optionally {@code person} with the name
     * @return the relative address to send the browser to
     */
    public String open(JsonNode opened, HttpServletRequest request, HttpServletResponse response) {
        String access = opened.path("access_token").asText();
        String refresh = opened.path("refresh_token").asText();
        JsonNode claims = claims(access);
        String handle = logins.create(access, Duration.ofSeconds(opened.path("expires_in").asLong(300)), refresh);
        Set<String> roles = new HashSet<>();
        claims.path("roles").forEach(role -> roles.add(role.asText()));
        SignedIn person = new SignedIn(handle, claims.path("sub").asText(), claims.path("sid").asText(null),
                name(opened.path("person")), roles, claims.path("worker_id").asText(null),
                claims.path("org_id").asText(null), claims.path("org_basis").asText(null));
        String next = next(request, response);
        // A new session id at the moment of signing in: an id fixed before the login is worth nothing after it.
        request.getSession(true);
        request.changeSessionId();
        save(person, request, response);
        return next;
    }

    /** Replaces the signed-in person of this session (a registry number learnt later, a name). */
    public void update(SignedIn person, HttpServletRequest request, HttpServletResponse response) {
        save(person, request, response);
    }

    /** Forgets the person's tokens and this portal session. */
    public void close(SignedIn person, HttpServletRequest request) {
        if (person != null) {
            logins.delete(person.handle());
        }
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private void save(SignedIn person, HttpServletRequest request, HttpServletResponse response) {
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                person, null, person.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                        .toList());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private String next(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        if (saved instanceof DefaultSavedRequest page) {
            String path = page.getRequestURI() + (page.getQueryString() == null ? "" : "?" + page.getQueryString());
            // Only a path of this site: never a redirect elsewhere.
            if (path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/login")) {
                return path;
            }
        }
        return "/cabinet";
    }

    /** The token's claims; the portal reads them for its menu only, the services check the token itself. */
    private JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new IllegalStateException("auth-service answered a token that is not a JWT");
        }
        try {
            return json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalStateException("auth-service answered an unreadable token", e);
        }
    }

    private static String name(JsonNode person) {
        if (person.isMissingNode() || person.isNull()) {
            return null;
        }
        String name = String.join(" ", person.path("lastName").asText(""), person.path("firstName").asText(""),
                person.path("middleName").asText("")).trim().replaceAll("\\s+", " ");
        return name.isEmpty() ? null : name;
    }
}
