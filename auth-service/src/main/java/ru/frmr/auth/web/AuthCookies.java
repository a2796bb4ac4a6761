package ru.frmr.auth.web;

import java.time.Duration;

import org.springframework.http.ResponseCookie;

import ru.frmr.auth.config.AuthProperties;

/**
 * The two cookies of the browser flow, both HttpOnly and scoped to {@code /api/auth}:
 * {@code frmr_login} (SameSite=Lax, so it comes back on the top-level redirect from ESIA) binds a started
 * login to this browser; {@code frmr_refresh} (SameSite=Strict) holds the refresh token.
 */
final class AuthCookies {

    static final String LOGIN = "frmr_login";
    static final String REFRESH = "frmr_refresh";
    private static final String PATH = "/api/auth";

    private final boolean secure;
    private final Duration loginTtl;
    private final Duration refreshTtl;

    AuthCookies(AuthProperties properties) {
        this.secure = properties.cookies().secure();
        this.loginTtl = properties.loginStateTtl();
        this.refreshTtl = properties.sessions().absoluteLifetime();
    }

    String login(String nonce) {
        return cookie(LOGIN, nonce, "Lax", loginTtl);
    }

    String refresh(String token) {
        return cookie(REFRESH, token, "Strict", refreshTtl);
    }

    String clearLogin() {
        return cookie(LOGIN, "", "Lax", Duration.ZERO);
    }

    String clearRefresh() {
        return cookie(REFRESH, "", "Strict", Duration.ZERO);
    }

    private String cookie(String name, String value, String sameSite, Duration maxAge) {
        return ResponseCookie.from(name, value).httpOnly(true).secure(secure).sameSite(sameSite).path(PATH)
                .maxAge(maxAge).build().toString();
    }
}
