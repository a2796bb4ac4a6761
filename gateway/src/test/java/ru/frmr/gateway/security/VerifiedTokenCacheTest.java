package ru.frmr.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import ru.frmr.infra.embedded.MutableClock;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(NOW);
    private final Verifier verifier = new Verifier();
    private final VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock, SKEW);

    @Test
    void aTokenThatPassedIsNotVerifiedAgainOnItsNextUse() {
        verifier.expiresAt = NOW.plus(Duration.ofMinutes(5));

        Jwt first = cache.decode("token-a").block();
        Jwt second = cache.decode("token-a").block();

        assertThat(second).isSameAs(first);
        assertThat(verifier.verified).containsExactly("token-a");
    }

    @Test
    void anyOtherTokenIsVerifiedItself() {
        verifier.expiresAt = NOW.plus(Duration.ofMinutes(5));

        cache.decode("token-a").block();
        cache.decode("token-a.tampered").block();

        assertThat(verifier.verified).containsExactly("token-a", "token-a.tampered");
    }

    @Test
    void aRememberedTokenPastItsExpiryAndTheSkewGoesBackToTheVerifierAndIsRefused() {
        verifier.expiresAt = NOW.plus(Duration.ofMinutes(1));
        cache.decode("token-a").block();

        clock.advance(Duration.ofMinutes(1).plus(SKEW));
        assertThat(cache.decode("token-a").block()).isNotNull();
        assertThat(verifier.verified).containsExactly("token-a");

        clock.advance(Duration.ofSeconds(1));
        verifier.refuse = true;
        assertThatThrownBy(() -> cache.decode("token-a").block()).isInstanceOf(BadJwtException.class);
        assertThat(verifier.verified).containsExactly("token-a", "token-a");
    }

    @Test
    void aRefusedTokenIsNotRememberedAndIsVerifiedOnEveryUse() {
        verifier.refuse = true;

        assertThatThrownBy(() -> cache.decode("token-a").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("token-a").block()).isInstanceOf(BadJwtException.class);

        assertThat(verifier.verified).containsExactly("token-a", "token-a");
    }

    /** Stands in for the signature and claim checks: records what it was asked to verify. */
    private static final class Verifier implements ReactiveJwtDecoder {

        final List<String> verified = new ArrayList<>();
        Instant expiresAt;
        boolean refuse;

        @Override
        public Mono<Jwt> decode(String token) {
            return Mono.fromSupplier(() -> {
                verified.add(token);
                if (refuse) {
                    throw new BadJwtException("refused");
                }
                return Jwt.withTokenValue(token).header("alg", "ES256").subject("account-1")
                        .issuedAt(expiresAt.minus(Duration.ofMinutes(5))).expiresAt(expiresAt).build();
            });
        }
    }
}
