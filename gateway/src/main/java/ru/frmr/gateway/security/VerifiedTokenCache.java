package ru.frmr.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers, for a short while, the access tokens that passed every check, so that a client sending the same
 * token with each request pays for one ES256 signature verification rather than one per request: on this
 * JDK a P-256 verification was the largest single cost of an authenticated proxied request.
 * <p>
 * Keyed by the whole compact token, so other bytes (another signature, other claims) are verified afresh.
 * A remembered token is refused again once it expires: its {@code exp}, with the clock skew, is checked on
 * every use, and an expired one goes back to the verifier, which rejects it as before. The other checks
 * (issuer, audience, subject, algorithm, signature) give the same answer for the same bytes. Failures are
 * never remembered. What remembering changes: a token verified before auth-service withdraws its key stays
 * accepted for at most {@link #REMEMBERED_FOR} (the verifier itself keeps a fetched key set until an unknown
 * {@code kid} makes it fetch again); every service still checks the token itself.
 */
public final class VerifiedTokenCache implements ReactiveJwtDecoder {

    static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);
    /** Bounds memory (a few kB per token) whatever the number of callers; the least recently used go first. */
    static final long MAX_TOKENS = 10_000;

    private final ReactiveJwtDecoder verifier;
    private final Clock clock;
    private final Duration clockSkew;
    private final Cache<String, Jwt> verified;

    public VerifiedTokenCache(ReactiveJwtDecoder verifier, Clock clock, Duration clockSkew) {
        this.verifier = verifier;
        this.clock = clock;
        this.clockSkew = clockSkew;
        this.verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(REMEMBERED_FOR).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && !expired(known)) {
            return Mono.just(known);
        }
        return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }

    /** As the verifier's timestamp check decides it. */
    private boolean expired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt == null || clock.instant().minus(clockSkew).isAfter(expiresAt);
    }
}
