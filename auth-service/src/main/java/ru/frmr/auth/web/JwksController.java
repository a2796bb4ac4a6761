package ru.frmr.auth.web;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.auth.token.SigningKeyStore;

/**
 * The public keys that verify platform access tokens. Cached for a minute at most: a new key is
 * published well before that ({@code frmr.auth.signing-keys.publish-lead}) ahead of its first use.
 */
@RestController
class JwksController {

    private final SigningKeyStore keys;

    JwksController(SigningKeyStore keys) {
        this.keys = keys;
    }

    @GetMapping({"/.well-known/jwks.json", "/api/auth/.well-known/jwks.json"})
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .body(keys.publicKeys().toJSONObject(true));
    }
}
