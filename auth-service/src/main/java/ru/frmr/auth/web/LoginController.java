package ru.frmr.auth.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import ru.frmr.auth.config.AuthProperties;
import ru.frmr.auth.login.LoginFlow;
import ru.frmr.auth.login.LoginResult;
import ru.frmr.auth.session.Hashes;
import ru.frmr.auth.session.OpenedSession;
import ru.frmr.auth.token.AccessTokens;

/**
 * The browser login: {@code GET /api/auth/{provider}/login} (302 to the provider), its callback, the
 * second-factor step and the activation request of unconfirmed accounts. A login the portal starts (with a PKCE
 * challenge) comes back to the portal's {@code login/complete} with a handoff code instead ({@code HandoffController}).
 */
@RestController
@RequestMapping("/api/auth")
class LoginController {

    private static final String PROVIDER = "^[a-z]{2,16}$";
    private static final String SECOND_FACTOR_PATH = "/api/auth/second-factor";
    private static final String CHALLENGE = "^[A-Za-z0-9_-]{43}$";
    /** Relative to {@code frmr.auth.portal-url}: where the portal takes over a login it started. */
    private static final String[] PORTAL_COMPLETE = {"login", "complete"};
    /** The callback parameters an identity provider sends; anything else is ignored. */
    private static final List<String> CALLBACK_PARAMETERS = List.of("code", "state", "error", "error_description");

    private final LoginFlow flow;
    private final AuthCookies cookies;
    private final URI portal;
    private final long accessTtlSeconds;

    LoginController(LoginFlow flow, AuthProperties properties, AccessTokens accessTokens) {
        this.flow = flow;
        this.cookies = new AuthCookies(properties);
        this.portal = properties.portalUrl();
        this.accessTtlSeconds = accessTokens.ttl().toSeconds();
    }

    /**
     * @param challenge given by the portal when it starts the login: base64url (no padding) of the SHA-256 of its
     *                  PKCE verifier; the login then ends with a handoff code for the portal instead of a refresh
     *                  cookie
     */
    @GetMapping("/{provider}/login")
    ResponseEntity<Void> login(@PathVariable @Pattern(regexp = PROVIDER, message = "unknown provider")
                               String provider,
                               @RequestParam(required = false)
                               @Pattern(regexp = CHALLENGE, message = "must be an S256 PKCE challenge "
                                       + "(43 base64url characters)") String challenge) {
        String nonce = Hashes.randomSecret();
        URI redirect = flow.start(provider, nonce, challenge);
        return ResponseEntity.status(HttpStatus.FOUND).location(redirect)
                .header(HttpHeaders.SET_COOKIE, cookies.login(nonce))
                .cacheControl(CacheControl.noStore()).build();
    }

    @GetMapping("/{provider}/callback")
    ResponseEntity<Void> callback(@PathVariable @Pattern(regexp = PROVIDER, message = "unknown provider")
                                  String provider,
                                  @RequestParam Map<String, String> parameters,
                                  @CookieValue(name = AuthCookies.LOGIN, required = false) String nonce,
                                  HttpServletRequest request) {
        Map<String, String> callback = new LinkedHashMap<>();
        CALLBACK_PARAMETERS.forEach(name -> {
            String value = parameters.get(name);
            if (value != null && value.length() <= 4096) {
                callback.put(name, value);
            }
        });
        LoginResult result = flow.callback(provider, callback, nonce, Requests.userAgent(request),
                Requests.ip(request));
        if (result instanceof LoginResult.HandedOff handedOff) {
            return toPortal("code", handedOff.code());
        }
        if (result instanceof LoginResult.HandoffFailed failed) {
            return toPortal("error", failed.error());
        }
        if (result instanceof LoginResult.SessionOpened opened) {
            return ResponseEntity.status(HttpStatus.FOUND).location(portal)
                    .header(HttpHeaders.SET_COOKIE, cookies.refresh(opened.refreshToken().value()))
                    .header(HttpHeaders.SET_COOKIE, cookies.clearLogin())
                    .cacheControl(CacheControl.noStore()).build();
        }
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(SECOND_FACTOR_PATH))
                .cacheControl(CacheControl.noStore()).build();
    }

    /** What the second-factor page shows. */
    @GetMapping("/second-factor")
    Map<String, Object> secondFactor(@CookieValue(name = AuthCookies.LOGIN, required = false) String nonce) {
        return status(flow.secondFactorStatus(nonce));
    }

    @PostMapping("/second-factor/resend")
    ResponseEntity<Map<String, Object>> resend(@CookieValue(name = AuthCookies.LOGIN, required = false) String nonce,
                                               HttpServletRequest request) {
        return ResponseEntity.accepted().body(status(flow.resendCode(nonce, Requests.userAgent(request))));
    }

    /** The one-time code of a pending login: right, and the session opens (refresh cookie + access token). */
    @PostMapping("/second-factor")
    ResponseEntity<TokenResponse> verify(@Valid @RequestBody CodeRequest body,
                                         @CookieValue(name = AuthCookies.LOGIN, required = false) String nonce,
                                         HttpServletRequest request) {
        OpenedSession session = flow.verifyCode(nonce, body.code(), Requests.userAgent(request),
                Requests.ip(request));
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookies.refresh(session.refreshToken().value()))
                .header(HttpHeaders.SET_COOKIE, cookies.clearLogin())
                .cacheControl(CacheControl.noStore())
                .body(TokenResponse.bearer(session.accessToken(), accessTtlSeconds));
    }

    @PostMapping("/activation-request")
    ResponseEntity<Void> requestActivation(@CookieValue(name = AuthCookies.LOGIN, required = false) String nonce) {
        flow.requestActivation(nonce);
        return ResponseEntity.accepted().header(HttpHeaders.SET_COOKIE, cookies.clearLogin()).build();
    }

    /** The end of a portal login: the browser's part is over, whatever comes next happens server to server. */
    private ResponseEntity<Void> toPortal(String parameter, String value) {
        URI complete = UriComponentsBuilder.fromUri(portal).pathSegment(PORTAL_COMPLETE).queryParam(parameter, value)
                .build().encode().toUri();
        return ResponseEntity.status(HttpStatus.FOUND).location(complete)
                .header(HttpHeaders.SET_COOKIE, cookies.clearLogin())
                .cacheControl(CacheControl.noStore()).build();
    }

    private static Map<String, Object> status(LoginResult.SecondFactorRequired pending) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "CODE_SENT");
        body.put("channel", "EMAIL");
        body.put("sentTo", pending.maskedEmail());
        if (pending.expiresAt() != null) {
            body.put("expiresAt", pending.expiresAt().toString());
        }
        body.put("verify", "POST " + SECOND_FACTOR_PATH);
        return body;
    }
}
