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
        assertThat(List.of(three.choose(1, 0), three.choose(1, 1), three.choose(1, 2), three.choose(1, 3)))
                .containsExactly(1, 2, 0, 1);
    }

    @Test
    void aCopyThatRefusedIsTriedLastUntilItsTimeIsUp() {
        three.avoid(1);

        assertThat(List.of(three.choose(1, 0), three.choose(1, 1), three.choose(1, 2))).containsExactly(2, 0, 1);
        assertThat(three.choose(0, 1)).isEqualTo(2);

        clock.advance(Duration.ofSeconds(5).plusMillis(1));
        assertThat(three.choose(1, 0)).isEqualTo(1);
    }

    @Test
    void whenEveryCopyRefusedTheyAreStillTriedInTurn() {
        three.avoid(0);
        three.avoid(1);
        three.avoid(2);

        assertThat(List.of(three.choose(2, 0), three.choose(2, 1))).containsExactly(2, 0);
    }

    @Test
    void withNoTimeToAvoidACopyIsNeverSetAside() {
        Replicas two = new Replicas(List.of(URI.create("http://a:1"), URI.create("http://b:1")), Duration.ZERO, clock);
        two.avoid(0);

        assertThat(two.choose(0, 0)).isZero();
    }
}
