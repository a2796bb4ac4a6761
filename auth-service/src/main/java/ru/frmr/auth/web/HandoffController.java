package ru.frmr.auth.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.auth.login.LoginFlow;
import ru.frmr.auth.login.LoginHandoff;
import ru.frmr.auth.login.LoginHandoffs;
import ru.frmr.auth.login.LoginResult;
import ru.frmr.auth.session.Sessions;
import ru.frmr.auth.token.AccessTokens;

/**
 * The portal's side of a login it started: it redeems the handoff code with its PKCE verifier, then (where the login
 * needs it) sends the second factor or the activation request naming the pending login by its secret. Called
 * server to server through the gateway, with the browser's {@code User-Agent} and address (X-Forwarded-For)
 * passed on, so the session and the code's device binding see the browser, not the portal. Tokens travel only in
 * these bodies: no cookie is set. An opened session's answer also names the person as the identity provider reported
 * them at this login ({@code person}: last, first and middle name), so the portal can greet people who have no
 * registry record; it is absent where the name is not known.
 */
@RestController
@RequestMapping("/api/auth/handoff")
class HandoffController {

    private final LoginHandoffs handoffs;
    private final LoginFlow flow;
    private final Sessions sessions;
    private final long accessTtlSeconds;

    HandoffController(LoginHandoffs handoffs, LoginFlow flow, Sessions sessions, AccessTokens accessTokens) {
        this.handoffs = handoffs;
        this.flow = flow;
        this.sessions = sessions;
        this.accessTtlSeconds = accessTokens.ttl().toSeconds();
    }

    @PostMapping
    ResponseEntity<?> redeem(@Valid @RequestBody HandoffRequests.Redeem body) {
        LoginHandoff handoff = handoffs.redeem(body.code(), body.verifier());
        if (handoff instanceof LoginHandoff.SessionOpened opened) {
            // The token that waited in the handoff is spent here: the portal holds the only live one.
            return noStore(TokenResponse.sessionOpened(sessions.refresh(opened.refreshToken().value()),
                    accessTtlSeconds, opened.person()));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        if (handoff instanceof LoginHandoff.SecondFactorRequired pending) {
            answer.put("status", "SECOND_FACTOR_REQUIRED");
            answer.put("login", pending.login());
            answer.put("sentTo", pending.maskedEmail());
            if (pending.expiresAt() != null) {
                answer.put("expiresAt", pending.expiresAt().toString());
            }
        } else if (handoff instanceof LoginHandoff.ActivationRequired activation) {
            answer.put("status", "ACTIVATION_REQUIRED");
            answer.put("login", activation.login());
        }
        return noStore(answer);
    }

    /** The one-time code of a pending login: right, and the session opens. */
    @PostMapping("/second-factor")
    ResponseEntity<TokenResponse> secondFactor(@Valid @RequestBody HandoffRequests.SecondFactor body,
                                               HttpServletRequest request) {
        LoginFlow.SecondFactorPassed passed = flow.verifyHandoffCode(body.login(), body.code(),
                Requests.userAgent(request), Requests.ip(request));
        return noStore(TokenResponse.sessionOpened(passed.session(), accessTtlSeconds, passed.person()));
    }

    @PostMapping("/second-factor/resend")
    ResponseEntity<Map<String, Object>> resend(@Valid @RequestBody HandoffRequests.PendingLogin body,
                                               HttpServletRequest request) {
        LoginResult.SecondFactorRequired sent = flow.resendCode(body.login(), Requests.userAgent(request));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "CODE_SENT");
        answer.put("sentTo", sent.maskedEmail());
        answer.put("expiresAt", sent.expiresAt().toString());
        return ResponseEntity.accepted().cacheControl(CacheControl.noStore()).body(answer);
    }

    @PostMapping("/activation-request")
    ResponseEntity<Void> requestActivation(@Valid @RequestBody HandoffRequests.PendingLogin body) {
        flow.requestActivation(body.login());
        return ResponseEntity.accepted().build();
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
