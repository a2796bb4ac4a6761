package ru.frmr.auth.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.auth.secondfactor.StepUp;
import ru.frmr.auth.token.AccessTokens;

/** Step-up: a one-time code confirms a sensitive action; the answer is an access token with {@code step_up}. */
@RestController
@RequestMapping("/api/auth/step-up")
class StepUpController {

    private final StepUp stepUp;
    private final long accessTtlSeconds;

    StepUpController(StepUp stepUp, AccessTokens accessTokens) {
        this.stepUp = stepUp;
        this.accessTtlSeconds = accessTokens.ttl().toSeconds();
    }

    @PostMapping
    ResponseEntity<Map<String, String>> send(Caller caller, HttpServletRequest request) {
        StepUp.Sent sent = stepUp.send(caller.token(), Requests.userAgent(request), Requests.ip(request));
        return ResponseEntity.accepted().body(Map.of("status", "CODE_SENT", "channel", "EMAIL",
                "sentTo", sent.sentTo(), "expiresAt", sent.expiresAt().toString()));
    }

    @PostMapping("/verify")
    ResponseEntity<TokenResponse> verify(Caller caller, @Valid @RequestBody CodeRequest body,
                                         HttpServletRequest request) {
        String token = stepUp.verify(caller.token(), body.code(), Requests.userAgent(request),
                Requests.ip(request));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(TokenResponse.stepUp(token, accessTtlSeconds));
    }
}
