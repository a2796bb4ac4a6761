package ru.frmr.kit.crypto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded, least-recently-used cache of what the store said about each subject, each entry trusted for
 * {@code ttl}. The TTL is how long another replica may keep decrypting after a shred; {@link Duration#ZERO}
 * disables caching, so every call reads the store.
 */
final class DataKeyCache {

    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Entry> entries;

    DataKeyCache(Clock clock, Duration ttl, int maxEntries) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("The key cache TTL must not be negative");
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("The key cache must hold at least one entry");
        }
        this.clock = clock;
        this.ttl = ttl;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized Optional<SubjectKey> get(String subjectId) {
        Entry entry = entries.get(subjectId);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(subjectId);
            return Optional.empty();
        }
        return Optional.of(entry.key());
    }

    synchronized void put(SubjectKey key) {
        if (!ttl.isZero()) {
            entries.put(key.subjectId(), new Entry(key, clock.instant().plus(ttl)));
        }
    }

    synchronized void invalidate(String subjectId) {
        entries.remove(subjectId);
    }

    synchronized int size() {
        return entries.size();
    }

    private record Entry(SubjectKey key, Instant expiresAt) {
    }
}
