package ru.frmr.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Handles every request off the connection's event loop, so that no answer is written while Reactor Netty
 * is still dispatching the request it answers.
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
 */
public class EventLoopHandOffFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).subscribeOn(Schedulers.parallel());
    }

    @Override
    public int getOrder() {
        return EdgeFilterOrder.EVENT_LOOP_HAND_OFF;
    }
}
