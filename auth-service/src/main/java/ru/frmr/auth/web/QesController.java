package ru.frmr.auth.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.auth.config.AuthProperties;
import ru.frmr.auth.qes.QesChallenges;
import ru.frmr.auth.qes.QesLogin;
import ru.frmr.auth.session.OpenedSession;
import ru.frmr.auth.token.AccessTokens;

/** Login with a qualified electronic signature: sign the challenge, send it with the certificate chain. */
@RestController
@RequestMapping("/api/auth/qes")
@ConditionalOnProperty("frmr.auth.qes.enabled")
class QesController {

    private final QesLogin qes;
    private final AuthCookies cookies;
    private final long accessTtlSeconds;

    QesController(QesLogin qes, AuthProperties properties, AccessTokens accessTokens) {
        this.qes = qes;
        this.cookies = new AuthCookies(properties);
        this.accessTtlSeconds = accessTokens.ttl().toSeconds();
    }

    @GetMapping("/challenge")
    ResponseEntity<Map<String, String>> challenge() {
        QesChallenges.Challenge challenge = qes.challenge();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of(
                "challenge", challenge.challenge(), "expiresAt", challenge.expiresAt().toString()));
    }

    @PostMapping("/login")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody QesLoginRequest body, HttpServletRequest request) {
        OpenedSession session = qes.login(body.challenge(), body.certificateChain(), body.signature(),
                Requests.userAgent(request), Requests.ip(request));
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookies.refresh(session.refreshToken().value()))
                .cacheControl(CacheControl.noStore())
                .body(TokenResponse.bearer(session.accessToken(), accessTtlSeconds));
    }
}
