package ru.frmr.kit.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import ru.frmr.infra.embedded.MutableClock;

class CachedValueTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final AtomicInteger computations = new AtomicInteger();

    @Test
    void computesOncePerTimeToLive() {
        CachedValue value = new CachedValue("g", computations::incrementAndGet, Duration.ofSeconds(5), clock);

        assertThat(value.getAsDouble()).isEqualTo(1);
        clock.advance(Duration.ofMillis(4_999));
        assertThat(value.getAsDouble()).as("still cached").isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(value.getAsDouble()).isEqualTo(2);
        assertThat(computations).hasValue(2);
    }

    @Test
    void aFailedComputationGivesNanForItsTimeToLiveAndIsThenTriedAgain() {
        CachedValue value = new CachedValue("g", () -> {
            if (computations.incrementAndGet() == 1) {
                throw new IllegalStateException("database away");
            }
            return 7;
        }, Duration.ofSeconds(5), clock);

        assertThat(value.getAsDouble()).isNaN();
        assertThat(value.getAsDouble()).as("not asked again within its time to live").isNaN();
        assertThat(computations).hasValue(1);

        clock.advance(Duration.ofSeconds(5));
        assertThat(value.getAsDouble()).isEqualTo(7);
        assertThat(computations).hasValue(2);
    }
}
