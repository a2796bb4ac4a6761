package ru.frmr.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * Only a request answered before its dispatch returns is finished on another thread (see the filter's why);
 * one that ends later, as a proxied request does, ends on the thread it ends on.
 */
class EventLoopHandOffFilterTest {

    private final Scheduler handOff = Schedulers.newSingle("hand-off");
    private final Scheduler downstream = Schedulers.newSingle("downstream");
    private final EventLoopHandOffFilter filter = new EventLoopHandOffFilter(handOff);
    private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/nope"));

    @AfterEach
    void stop() {
        handOff.dispose();
        downstream.dispose();
    }

    @Test
    void anAnswerReadyDuringTheDispatchIsFinishedOnAnotherThread() {
        AtomicReference<Thread> finishedOn = new AtomicReference<>();

        filter.filter(exchange, e -> Mono.empty())
                .doOnSuccess(done -> finishedOn.set(Thread.currentThread()))
                .block(Duration.ofSeconds(5));

        assertThat(finishedOn.get().getName()).startsWith("hand-off");
    }

    @Test
    void aRejectionDuringTheDispatchIsFinishedOnAnotherThreadAndPassedOnIntact() {
        ResponseStatusException notFound = new ResponseStatusException(HttpStatus.NOT_FOUND);
        AtomicReference<Thread> failedOn = new AtomicReference<>();

        Mono<Void> answered = filter.filter(exchange, e -> Mono.error(notFound))
                .doOnError(failure -> failedOn.set(Thread.currentThread()));

        assertThatThrownBy(() -> answered.block(Duration.ofSeconds(5))).isSameAs(notFound);
        assertThat(failedOn.get().getName()).startsWith("hand-off");
    }

    @Test
    void anAnswerThatEndsAfterTheDispatchStaysOnTheThreadItEndsOn() {
        AtomicReference<Thread> finishedOn = new AtomicReference<>();

        filter.filter(exchange, e -> Mono.delay(Duration.ofMillis(50), downstream).then())
                .doOnSuccess(done -> finishedOn.set(Thread.currentThread()))
                .block(Duration.ofSeconds(5));

        assertThat(finishedOn.get().getName()).startsWith("downstream");
    }

    @Test
    void theChainSeesTheCallersReactorContext() {
        AtomicReference<Object> seen = new AtomicReference<>();

        filter.filter(exchange, e -> Mono.deferContextual(context -> {
                    seen.set(context.get("security"));
                    return Mono.<Void>empty();
                }))
                .contextWrite(Context.of("security", "the caller's"))
                .block(Duration.ofSeconds(5));

        assertThat(seen.get()).isEqualTo("the caller's");
    }
}
