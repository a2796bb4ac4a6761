package ru.frmr.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.frmr.infra.embedded.MutableClock;

class ReplicasTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final Replicas three = new Replicas(List.of(URI.create("http://a:1"), URI.create("http://b:1"),
            URI.create("http://c:1")), Duration.ofSeconds(5), clock);

    @Test
    void requestsStartOnEachCopyInTurnAndRetriesGoOnToTheNext() {
        assertThat(List.of(three.nextStart(), three.nextStart(), three.nextStart(), three.nextStart()))
                .containsExactly(0, 1, 2, 0);
        assertThat(List.of(three.choose(1, 0b000), three.choose(1, 0b010), three.choose(1, 0b110),
                three.choose(1, 0b111))).containsExactly(1, 2, 0, 1);
    }

    @Test
    void aCopyThatJustRefusedIsNotTriedAgainWhileAnotherIsLeft() {
        // Copies 0 and 2 refuse; the request starts on 0. Each refusal sets its copy aside as the gateway's filter
        // does, and the tries go 0, then 1 (not 2, and never 0 again).
        assertThat(tries(0, List.of(0, 2), 3)).containsExactly(0, 1);
        // Once their time is up, a request starting on 2 tries 2, then 0 (no longer set aside), then 1.
        clock.advance(Duration.ofSeconds(6));
        assertThat(tries(2, List.of(0, 2), 3)).containsExactly(2, 0, 1);
        // Both are set aside again now: the next request starting on 2 goes to 1 at once.
        assertThat(tries(2, List.of(0, 2), 3)).containsExactly(1);
    }

    @Test
    void aCopyThatRefusedIsTriedLastUntilItsTimeIsUp() {
        three.avoid(1);

        assertThat(List.of(three.choose(1, 0b000), three.choose(1, 0b100), three.choose(1, 0b101)))
                .containsExactly(2, 0, 1);
        assertThat(three.choose(0, 0b001)).isEqualTo(2);

        clock.advance(Duration.ofSeconds(5).plusMillis(1));
        assertThat(three.choose(1, 0)).isEqualTo(1);
    }

    @Test
    void whenEveryCopyRefusedTheyAreStillTriedInTurn() {
        three.avoid(0);
        three.avoid(1);
        three.avoid(2);

        assertThat(List.of(three.choose(2, 0b000), three.choose(2, 0b100), three.choose(2, 0b101),
                three.choose(2, 0b111))).containsExactly(2, 0, 1, 2);
    }

    @Test
    void withNoTimeToAvoidACopyIsNeverSetAside() {
        Replicas two = new Replicas(List.of(URI.create("http://a:1"), URI.create("http://b:1")), Duration.ZERO, clock);
        two.avoid(0);

        assertThat(two.choose(0, 0)).isZero();
    }

    /** The copies a request starting at {@code start} tries, at most {@code attempts}, when {@code refusing} refuse. */
    private List<Integer> tries(int start, List<Integer> refusing, int attempts) {
        List<Integer> tried = new java.util.ArrayList<>();
        long mask = 0;
        for (int attempt = 0; attempt < attempts; attempt++) {
            int index = three.choose(start, mask);
            tried.add(index);
            if (!refusing.contains(index)) {
                break;
            }
            three.avoid(index);
            mask |= 1L << index;
        }
        return tried;
    }
}
