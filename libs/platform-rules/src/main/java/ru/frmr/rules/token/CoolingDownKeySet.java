package ru.frmr.rules.token;

import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * auth-service's key set, as a verifier holds it: fetched on first use, again when the keys are older than
 * {@code maxAge} (so a withdrawn key stops being accepted), and again when a token names a key that is not
 * there (so a new key is picked up at once) — but never more than once per {@code coolDown}, however many
 * tokens arrive. Why: a token with a made-up {@code kid} costs its sender nothing, and without the
 * cool-down each one made every verifier fetch the key set from auth-service again. A failed fetch counts
 * as a fetch for the cool-down too, so an outage of auth-service is not multiplied by the request rate.
 * Concurrent misses wait for one fetch rather than each starting their own.
 */
public final class CoolingDownKeySet implements JWKSource<SecurityContext> {

    public static final Duration DEFAULT_COOL_DOWN = Duration.ofSeconds(30);
    /** As long as nimbus's own key-set cache keeps keys. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

    /** Reads the key set once. */
    @FunctionalInterface
    public interface Fetcher {
        JWKSet fetch() throws IOException, ParseException;
    }

    /**
     * @param keys        null until a fetch succeeded
     * @param lastFailure why the last fetch failed while no keys are held, for the error of every token
     */
    private record Held(JWKSet keys, Instant fetchedAt, Instant attemptedAt, Exception lastFailure) {
    }

    private final Fetcher fetcher;
    private final Duration coolDown;
    private final Duration maxAge;
    private final Clock clock;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile Held held;

    public CoolingDownKeySet(Fetcher fetcher, Duration coolDown, Duration maxAge, Clock clock) {
        if (coolDown.isNegative() || maxAge.compareTo(coolDown) < 0) {
            throw new IllegalArgumentException("The key set's max age must be at least its fetch cool-down");
        }
        this.fetcher = fetcher;
        this.coolDown = coolDown;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws RemoteKeySourceException {
        Held now = held;
        if (now != null && !fetchDue(now, selector)) {
            return select(now, selector);
        }
        fetching.lock();
        try {
            // Another request may have fetched while this one waited for the lock.
            Held current = held;
            if (current != null && !fetchDue(current, selector)) {
                return select(current, selector);
            }
            return select(fetch(current), selector);
        } finally {
            fetching.unlock();
        }
    }

    /**
     * Whether verifying a token with this header would fetch the key set now. A non-blocking caller (the
     * gateway) moves only such tokens off its event loop; every other one is checked against the keys held.
     */
    public boolean wouldFetch(JWSHeader header) {
        Held now = held;
        JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
        return now == null || matcher != null && fetchDue(now, new JWKSelector(matcher));
    }

    private boolean fetchDue(Held state, JWKSelector selector) {
        Instant now = clock.instant();
        if (now.isBefore(state.attemptedAt().plus(coolDown))) {
            return false;
        }
        return state.keys() == null || now.isAfter(state.fetchedAt().plus(maxAge))
                || selector.select(state.keys()).isEmpty();
    }

    private Held fetch(Held previous) throws RemoteKeySourceException {
        Instant attempt = clock.instant();
        try {
            Held fetched = new Held(fetcher.fetch(), attempt, attempt, null);
            held = fetched;
            return fetched;
        } catch (IOException | ParseException | RuntimeException e) {
            // Keep the keys held before: tokens signed with them still verify while auth-service is away.
            held = previous == null || previous.keys() == null ? new Held(null, attempt, attempt, e)
                    : new Held(previous.keys(), previous.fetchedAt(), attempt, null);
            if (previous == null || previous.keys() == null) {
                throw new RemoteKeySourceException("The key set could not be fetched", e);
            }
            return held;
        }
    }

    private static List<JWK> select(Held state, JWKSelector selector) throws RemoteKeySourceException {
        if (state.keys() == null) {
            throw new RemoteKeySourceException("No key set could be fetched yet", state.lastFailure());
        }
        return selector.select(state.keys());
    }
}
