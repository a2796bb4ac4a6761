package ru.frmr.gateway.edge;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.reactivestreams.Subscription;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * Finishes off the connection's event loop every request that would otherwise be answered while Reactor Netty
 * is still dispatching it, so that no answer is written during the dispatch of the request it answers.
 * <p>
 * Why: a client may send its next request on a kept-alive connection as soon as it has the whole body of
 * the previous answer, before the gateway has finished that answer (a proxied body is passed on before the
 * downstream exchange ends). Reactor Netty 1.2.x queues such a request and dispatches it from the queue
 * once the previous answer ends. If the queued request is answered synchronously during that dispatch (a
 * 404, 401, 403, 405 or 429 needs no I/O), Reactor Netty decides about reading on before it has taken the
 * rest of the request from its queue, and never asks the connection for more: every later request on it
 * is never read and never answered (reactor/reactor-netty#4361, fixed after every release this build can
 * use). Answered from another thread, the write reaches the event loop after the dispatch has emptied the
 * queue, and reading resumes. Remove this filter once Reactor Netty carries the fix.
 * <p>
 * Only a request whose handling ends before the dispatch returns is affected, so only those are handed off.
 * A proxied request ends when the downstream answer has been passed on, long after its dispatch returned:
 * it stays on its event loop, as Reactor Netty intends (handing every request to another thread cost each
 * proxied request several thread switches and cross-thread writes).
 */
public class EventLoopHandOffFilter implements WebFilter, Ordered {

    private final Scheduler handOff;

    public EventLoopHandOffFilter() {
        this(Schedulers.parallel());
    }

    EventLoopHandOffFilter(Scheduler handOff) {
        this.handOff = handOff;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return new HandOffIfSynchronous(Mono.defer(() -> chain.filter(exchange)), handOff);
    }

    @Override
    public int getOrder() {
        return EdgeFilterOrder.EVENT_LOOP_HAND_OFF;
    }

    /** Delivers the end of {@code source} on {@code handOff} when it ends before subscribing to it returned. */
    private static final class HandOffIfSynchronous extends Mono<Void> {

        private final Mono<Void> source;
        private final Scheduler handOff;

        HandOffIfSynchronous(Mono<Void> source, Scheduler handOff) {
            this.source = source;
            this.handOff = handOff;
        }

        @Override
        public void subscribe(CoreSubscriber<? super Void> actual) {
            Ending ending = new Ending(actual, handOff);
            source.subscribe(ending);
            ending.subscribed.set(true);
        }
    }

    private static final class Ending implements CoreSubscriber<Void>, Subscription {

        private final CoreSubscriber<? super Void> actual;
        private final Scheduler handOff;
        /** False while the subscription is still being set up on the dispatching thread. */
        final AtomicBoolean subscribed = new AtomicBoolean();
        private Subscription upstream;

        Ending(CoreSubscriber<? super Void> actual, Scheduler handOff) {
            this.actual = actual;
            this.handOff = handOff;
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription s) {
            upstream = s;
            actual.onSubscribe(this);
        }

        @Override
        public void onNext(Void unused) {
            // A Mono<Void> emits no value.
        }

        @Override
        public void onError(Throwable failure) {
            deliver(() -> actual.onError(failure));
        }

        @Override
        public void onComplete() {
            deliver(actual::onComplete);
        }

        private void deliver(Runnable signal) {
            if (subscribed.get()) {
                signal.run();
                return;
            }
            try {
                handOff.schedule(signal);
            } catch (RejectedExecutionException shuttingDown) {
                signal.run();
            }
        }

        @Override
        public void request(long n) {
            upstream.request(n);
        }

        @Override
        public void cancel() {
            upstream.cancel();
        }
    }
}
