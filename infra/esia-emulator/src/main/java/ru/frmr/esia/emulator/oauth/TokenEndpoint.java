package ru.frmr.esia.emulator.oauth;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /aas/oauth2/v3/te}: form-encoded grant in, tokens or {@code {"error","error_description"}} out. */
@RestController
class TokenEndpoint {

    private static final Logger log = LoggerFactory.getLogger(TokenEndpoint.class);

    private final TokenExchange exchange;

    TokenEndpoint(TokenExchange exchange) {
        this.exchange = exchange;
    }

    @PostMapping(path = "/aas/oauth2/v3/te", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TokenResponse> token(@RequestParam Map<String, String> parameters) {
        TokenResponse tokens = exchange.exchange(parameters);
        log.info("Issued tokens to client {} by grant {}", parameters.get("client_id"), parameters.get("grant_type"));
        // Tokens must not linger in caches between the emulator and the client (RFC 6749, 5.1).
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens);
    }

    @ExceptionHandler(EsiaException.class)
    ResponseEntity<OAuthError> rejected(EsiaException e) {
        log.info("Token request rejected: {}", e.description());
        return ResponseEntity.badRequest().cacheControl(CacheControl.noStore()).body(OAuthError.of(e));
    }
}
