package ru.frmr.rules.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;

import ru.frmr.infra.embedded.MutableClock;

class CoolingDownKeySetTest {

    private static final Duration COOL_DOWN = Duration.ofSeconds(30);
    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T08:00:00Z"));
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private final AtomicReference<IOException> outage = new AtomicReference<>();
    private final CoolingDownKeySet keys = new CoolingDownKeySet(() -> {
        fetches.incrementAndGet();
        if (outage.get() != null) {
            throw outage.get();
        }
        return published.get();
    }, COOL_DOWN, MAX_AGE, clock);

    @Test
    void unknownKeyIdsFetchTheKeySetAtMostOncePerCoolDown() throws Exception {
        ECKey current = key("current");
        published.set(new JWKSet(current.toPublicJWK()));
        assertThat(keys.get(selector("current"), null)).extracting(JWK::getKeyID).containsExactly("current");

        clock.advance(COOL_DOWN);
        for (int i = 0; i < 300; i++) {
            assertThat(keys.get(selector("made-up-" + i), null)).isEmpty();
            clock.advance(Duration.ofMillis(10));
        }
        assertThat(fetches).hasValue(2);

        clock.advance(COOL_DOWN);
        keys.get(selector("made-up-again"), null);
        assertThat(fetches).hasValue(3);
    }

    @Test
    void aNewKeyIsPickedUpOnItsFirstTokenOnceTheCoolDownHasPassed() throws Exception {
        published.set(new JWKSet(key("old").toPublicJWK()));
        keys.get(selector("old"), null);
        published.set(new JWKSet(List.<JWK>of(key("old").toPublicJWK(), key("new").toPublicJWK())));

        assertThat(keys.wouldFetch(header("new"))).isFalse();
        assertThat(keys.get(selector("new"), null)).isEmpty();
        clock.advance(COOL_DOWN);
        assertThat(keys.wouldFetch(header("new"))).isTrue();
        assertThat(keys.wouldFetch(header("old"))).isFalse();
        assertThat(keys.get(selector("new"), null)).extracting(JWK::getKeyID).containsExactly("new");
    }

    @Test
    void aWithdrawnKeyIsDroppedOnceTheKeysAreOlderThanTheMaxAge() throws Exception {
        published.set(new JWKSet(key("withdrawn").toPublicJWK()));
        keys.get(selector("withdrawn"), null);
        published.set(new JWKSet(key("successor").toPublicJWK()));

        clock.advance(MAX_AGE);
        assertThat(keys.get(selector("withdrawn"), null)).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(keys.get(selector("withdrawn"), null)).isEmpty();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aFailedFetchKeepsTheKeysHeldAndCountsForTheCoolDown() throws Exception {
        published.set(new JWKSet(key("current").toPublicJWK()));
        keys.get(selector("current"), null);
        outage.set(new IOException("connection refused"));
        clock.advance(COOL_DOWN);

        for (int i = 0; i < 50; i++) {
            assertThat(keys.get(selector("made-up-" + i), null)).isEmpty();
            assertThat(keys.get(selector("current"), null)).hasSize(1);
        }
        assertThat(fetches).hasValue(2);
    }

    @Test
    void withoutAnyKeysAnOutageFailsEveryTokenButIsAskedOncePerCoolDown() {
        outage.set(new IOException("connection refused"));

        for (int i = 0; i < 20; i++) {
            // The outage's own exception as the cause: the gateway answers 503 for an I/O failure, not 500.
            assertThatThrownBy(() -> keys.get(selector("current"), null)).isInstanceOf(RemoteKeySourceException.class)
                    .hasCauseInstanceOf(IOException.class);
        }
        assertThat(fetches).hasValue(1);
    }

    private static JWKSelector selector(String kid) {
        return new JWKSelector(JWKMatcher.forJWSHeader(header(kid)));
    }

    private static JWSHeader header(String kid) {
        return new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build();
    }

    private static ECKey key(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
