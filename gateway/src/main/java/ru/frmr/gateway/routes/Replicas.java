package ru.frmr.gateway.routes;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The running copies of one service the gateway spreads its requests over: each request starts on the next
 * copy in turn, and its retries go on to the copies after that one. A copy that refused a connection is tried
 * after the others for a while ({@code avoidFor}): a host that is gone costs the connect timeout once, not on
 * every other request (another copy may still be tried first on it, so no copy is ever shut out for good).
 */
final class Replicas {

    private final List<URI> addresses;
    private final Duration avoidFor;
    private final Clock clock;
    private final AtomicInteger turn = new AtomicInteger();
    /** Per copy, the epoch millisecond until which it is tried last; 0 when it is not avoided. */
    private final AtomicLongArray avoidedUntil;

    Replicas(List<URI> addresses, Duration avoidFor, Clock clock) {
        if (addresses.size() < 2) {
            throw new IllegalArgumentException("replicas need at least two addresses: " + addresses);
        }
        this.addresses = List.copyOf(addresses);
        this.avoidFor = avoidFor;
        this.clock = clock;
        this.avoidedUntil = new AtomicLongArray(addresses.size());
    }

    int size() {
        return addresses.size();
    }

    URI address(int index) {
        return addresses.get(index);
    }

    /** Where a new request starts: the next copy in turn. */
    int nextStart() {
        return Math.floorMod(turn.getAndIncrement(), addresses.size());
    }

    /**
     * The copy for the {@code attempt}-th try (0 the first) of a request that started at {@code start}: the
     * copies from {@code start} on in turn, those not avoided first.
     */
    int choose(int start, int attempt) {
        int n = addresses.size();
        long now = clock.millis();
        int wanted = attempt % n;
        int seen = 0;
        for (int pass = 0; pass < 2; pass++) {
            boolean avoidedPass = pass == 1;
            for (int i = 0; i < n; i++) {
                int index = (start + i) % n;
                if ((avoidedUntil.get(index) > now) == avoidedPass && seen++ == wanted) {
                    return index;
                }
            }
        }
        throw new IllegalStateException("unreachable: " + attempt + " of " + n);
    }

    /** {@code index} refused a connection: try it after the others for a while. */
    void avoid(int index) {
        if (!avoidFor.isZero()) {
            avoidedUntil.set(index, clock.millis() + avoidFor.toMillis());
        }
    }
}
