package ru.frmr.esia.emulator.oauth;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** Opaque refresh tokens, in memory; each is used once and replaced by the one issued with the new tokens. */
@Component
class RefreshTokens {

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    String issue(Grant grant) {
        String token = UUID.randomUUID().toString();
        grants.put(token, grant);
        return token;
    }

    Optional<Grant> consume(String token) {
        return Optional.ofNullable(grants.remove(token));
    }
}
