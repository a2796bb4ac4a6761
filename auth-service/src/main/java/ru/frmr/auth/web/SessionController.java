package ru.frmr.auth.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.auth.api.SessionEndReason;
import ru.frmr.auth.config.AuthProperties;
import ru.frmr.auth.error.AuthException;
import ru.frmr.auth.login.LoginFlow;
import ru.frmr.auth.session.OpenedSession;
import ru.frmr.auth.session.Sessions;
import ru.frmr.auth.token.AccessTokens;
import ru.frmr.kit.error.NotFoundException;

/** Refresh, the caller's sessions, logout. */
@RestController
@RequestMapping("/api/auth")
class SessionController {

    private static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private final Sessions sessions;
    private final LoginFlow flow;
    private final AuthCookies cookies;
    private final AuthProperties properties;
    private final long accessTtlSeconds;

    SessionController(Sessions sessions, LoginFlow flow, AuthProperties properties, AccessTokens accessTokens) {
        this.sessions = sessions;
        this.flow = flow;
        this.cookies = new AuthCookies(properties);
        this.properties = properties;
        this.accessTtlSeconds = accessTokens.ttl().toSeconds();
    }

    /**
     * The refresh cookie buys a new access token and is rotated; a spent one revokes its whole session. The portal,
     * which keeps the refresh token server-side, sends it in the body ({@code {"refresh_token"}}) and gets the
     * rotated one back in the body; no cookie is set or cleared then.
     */
    @PostMapping("/token")
    ResponseEntity<TokenResponse> token(@CookieValue(name = AuthCookies.REFRESH, required = false) String refresh,
                                        @RequestBody(required = false) HandoffRequests.Refresh body,
                                        HttpServletResponse response) {
        if (body != null) {
            OpenedSession next = sessions.refresh(body.validated());
            return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                    .body(TokenResponse.withRefresh(next, accessTtlSeconds));
        }
        OpenedSession next;
        try {
            next = sessions.refresh(refresh);
        } catch (AuthException refused) {
            response.addHeader(HttpHeaders.SET_COOKIE, cookies.clearRefresh());
            throw refused;
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookies.refresh(next.refreshToken().value()))
                .cacheControl(CacheControl.noStore())
                .body(TokenResponse.bearer(next.accessToken(), accessTtlSeconds));
    }

    @GetMapping("/sessions")
    List<SessionResponse> list(Caller caller) {
        return sessions.list(caller.token().accountId()).stream()
                .map(s -> SessionResponse.of(s, caller.token().sessionId())).toList();
    }

    @DeleteMapping("/sessions/{id}")
    ResponseEntity<Void> end(Caller caller,
                             @PathVariable @Pattern(regexp = UUID, message = "must be a session id") String id) {
        if (!sessions.end(caller.token().accountId(), id, SessionEndReason.ENDED_BY_USER)) {
            throw new NotFoundException("No such session.");
        }
        return ResponseEntity.noContent().build();
    }

    /** "End all other sessions": {@code DELETE /api/auth/sessions?others=true}. */
    @DeleteMapping("/sessions")
    Map<String, Integer> endOthers(Caller caller, @RequestParam(required = false) Boolean others) {
        if (!Boolean.TRUE.equals(others)) {
            throw new AuthException(HttpStatus.BAD_REQUEST, "validation",
                    "others: only ending all other sessions is supported (others=true)");
        }
        return Map.of("ended", sessions.endOthers(caller.token().accountId(), caller.token().sessionId()));
    }

    /** Ends this session here and hands back where the browser ends its session at the identity provider. */
    @PostMapping("/logout")
    ResponseEntity<Map<String, String>> logout(Caller caller) {
        sessions.end(caller.token().accountId(), caller.token().sessionId(), SessionEndReason.LOGOUT);
        String provider = caller.session().method().name().toLowerCase();
        Map<String, String> body = flow.logoutUrl(provider, properties.portalUrl())
                .map(url -> Map.of("logoutUrl", url.toString()))
                .orElseGet(() -> Map.of("logoutUrl", properties.portalUrl().toString()));
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookies.clearRefresh()).body(body);
    }
}
