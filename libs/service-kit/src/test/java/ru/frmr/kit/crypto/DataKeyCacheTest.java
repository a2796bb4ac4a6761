package ru.frmr.kit.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import ru.frmr.infra.embedded.MutableClock;

class DataKeyCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void evictsTheLeastRecentlyUsedSubjectBeyondItsBound() {
        DataKeyCache cache = new DataKeyCache(clock, Duration.ofMinutes(1), 2);
        cache.put(key("a"));
        cache.put(key("b"));
        cache.get("a");
        cache.put(key("c"));

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("a")).isPresent();
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("c")).isPresent();
    }

    @Test
    void forgetsAnEntryAfterItsTtlOrOnInvalidation() {
        DataKeyCache cache = new DataKeyCache(clock, Duration.ofSeconds(30), 10);
        cache.put(key("a"));
        cache.put(key("b"));
        cache.invalidate("b");
        assertThat(cache.get("b")).isEmpty();

        clock.advance(Duration.ofSeconds(29));
        assertThat(cache.get("a")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("a")).isEmpty();
    }

    @Test
    void aZeroTtlCachesNothing() {
        DataKeyCache cache = new DataKeyCache(clock, Duration.ZERO, 10);
        cache.put(key("a"));
        assertThat(cache.size()).isZero();
    }

    private static SubjectKey key(String subject) {
        return new SubjectKey(subject, 1, AesGcm.newKey());
    }
}
