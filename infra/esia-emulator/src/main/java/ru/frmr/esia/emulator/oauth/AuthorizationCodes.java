package ru.frmr.esia.emulator.oauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import ru.frmr.esia.emulator.config.EsiaProperties;

/** Single-use, short-lived authorization codes, in memory. */
@Component
public class AuthorizationCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    AuthorizationCodes(Clock clock, EsiaProperties properties) {
        this.clock = clock;
        this.ttl = properties.codeTtl();
    }

    public String issue(AuthorizationRequest request, Authentication authentication) {
        Instant now = clock.instant();
        // Codes nobody redeemed would otherwise pile up for as long as the emulator runs.
        codes.values().removeIf(code -> !code.expiresAt().isAfter(now));
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String code = URL.encodeToString(random);
        codes.put(code, new AuthorizationCode(request.grantFor(authentication), request.redirectUri(),
                request.state(), now.plus(ttl)));
        return code;
    }

    /** The code's authorization, unless it is unknown or expired; either way the code cannot be used again. */
    Optional<AuthorizationCode> consume(String code) {
        Instant now = clock.instant();
        return Optional.ofNullable(codes.remove(code)).filter(c -> c.expiresAt().isAfter(now));
    }
}
