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
        if (addresses.size() < 2 || addresses.size() > Long.SIZE) {
            throw new IllegalArgumentException("replicas need between 2 and 64 addresses: " + addresses);
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
     * The copy for the next try of a request that started at {@code start}, given the copies it has tried already
     * ({@code tried}: bit i set for copy i): the copies from {@code start} on in turn, one not tried before and not
     * avoided first, then one not tried before though avoided (a copy that has just refused is avoided from then
     * on, so it is never chosen again while another is left); when every copy has been tried, the first not
     * avoided (or {@code start}) again.
     */
    int choose(int start, long tried) {
        int n = addresses.size();
        long now = clock.millis();
        int untriedAvoided = -1;
        int firstFree = -1;
        for (int i = 0; i < n; i++) {
            int index = (start + i) % n;
            boolean avoided = avoidedUntil.get(index) > now;
            boolean triedBefore = (tried & (1L << index)) != 0;
            if (!triedBefore && !avoided) {
                return index;
            }
            if (!triedBefore && untriedAvoided < 0) {
                untriedAvoided = index;
            }
            if (!avoided && firstFree < 0) {
                firstFree = index;
            }
        }
        if (untriedAvoided >= 0) {
            return untriedAvoided;
        }
        return firstFree >= 0 ? firstFree : start % n;
    }

    /** {@code index} refused a connection: try it after the others for a while. */
    void avoid(int index) {
        if (!avoidFor.isZero()) {
            avoidedUntil.set(index, clock.millis() + avoidFor.toMillis());
        }
    }
}
