package ru.frmr.gateway.routes;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

import io.netty.handler.timeout.ReadTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import ru.frmr.gateway.error.TraceIds;

/**
 * Sends a request for a replicated service to one of its copies ({@link Replicas}) and, when that copy fails it,
 * to another, after a short pause that doubles each time, at most {@code maxAttempts} tries in all:
 * <ul>
 *   <li>a connection that could not be opened (refused, timed out, unknown host), whatever the method: nothing
 *       was sent, so the copy that failed cannot have acted on it;</li>
 *   <li>a {@code GET} or {@code HEAD} whose connection broke before the answer began (reset, closed early):
 *       reading twice changes nothing.</li>
 * </ul>
 * Any other request that reached a copy is never sent again: a {@code POST} whose connection broke may have been
 * carried out, and only its caller can tell (503 problem+json). Nor is a request retried after the response
 * timeout (the copy may still be working on it; the caller gets 504 without waiting twice), nor once any of the
 * answer was passed on. The request body is never held for a retry: a retry happens only when the body was never
 * read (no connection) or there is none to speak of (a read).
 * <p>
 * Routes of a service with one address are only checked for an answer (see {@link #answered}). It runs after the request URL is built from the
 * route and before the HTTP client sends it, inside the route's circuit breaker, which sees the outcome of all
 * tries as one call.
 */
public final class ReplicaRetryFilter implements GlobalFilter, Ordered {

    /** Where Spring Cloud LoadBalancer's filter would sit: after the request URL exists, before it is sent. */
    public static final int ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 150;

    private static final Logger log = LoggerFactory.getLogger(ReplicaRetryFilter.class);

    private final Map<String, Replicas> byRoute;
    private final ReplicaRetryProperties retry;

    ReplicaRetryFilter(Map<String, Replicas> byRoute, ReplicaRetryProperties retry) {
        this.byRoute = Map.copyOf(byRoute);
        this.retry = retry;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        Replicas replicas = route == null ? null : byRoute.get(route.getId());
        URI requestUrl = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
        if (replicas == null || requestUrl == null) {
            return answered(exchange, chain).onErrorMap(ReplicaRetryFilter::asSeenByTheCaller);
        }
        return attempt(exchange, chain, route.getId(), replicas, requestUrl, replicas.nextStart(), 0, 0L);
    }

    private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, String routeId,
                               Replicas replicas, URI requestUrl, int start, int attempt, long tried) {
        int index = replicas.choose(start, tried);
        exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, at(requestUrl, replicas.address(index)));
        return answered(exchange, chain).onErrorResume(failure -> {
            boolean nothingSent = nothingSent(failure);
            if (nothingSent) {
                replicas.avoid(index);
            }
            boolean retryable = nothingSent || isRead(exchange.getRequest().getMethod()) && brokeOnTheWay(failure);
            if (!retryable || attempt + 1 >= retry.maxAttempts() || exchange.getResponse().isCommitted()) {
                return Mono.error(asSeenByTheCaller(failure));
            }
            TraceIds.inLog(exchange, () -> log.info("Route {} tried again on another copy after {} from copy {}",
                    routeId, failure.getClass().getName(), index + 1));
            ServerWebExchangeUtils.reset(exchange);
            Mono<Void> next = Mono.defer(() -> attempt(exchange, chain, routeId, replicas, requestUrl, start, attempt + 1,
                    tried | 1L << index));
            return retry.backOff().isZero() ? next
                    : Mono.delay(retry.backOff().multipliedBy(1L << attempt)).then(next);
        });
    }

    /**
     * The rest of the chain, failing when the service sent no answer at all. Reactor Netty ends a call whose
     * connection was reset while the request body was still being written without an error and without a
     * response; the gateway would then answer 200 with an empty body, for a request the service may or may not
     * have carried out.
     */
    private static Mono<Void> answered(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).then(Mono.defer(() -> exchange.getAttribute(CLIENT_RESPONSE_ATTR) == null
                && ServerWebExchangeUtils.isAlreadyRouted(exchange) ? Mono.error(new NoAnswerException()) : Mono.empty()));
    }

    /**
     * A broken connection to the service as a failure that names no socket error: "connection reset by peer" in a
     * failure's message or causes makes the error handler take it for the caller's own connection
     * ({@code DisconnectedClientHelper}) and end the exchange without an answer, which the caller then reads as
     * an empty 200.
     */
    static Throwable asSeenByTheCaller(Throwable failure) {
        return failure instanceof NoAnswerException || nothingSent(failure) || !brokeOnTheWay(failure) ? failure
                : new NoAnswerException(failure.getClass().getName());
    }

    /** The connection to the service ended, or broke, before any answer came (503 for the caller). */
    static final class NoAnswerException extends IOException {

        NoAnswerException() {
            this("no answer");
        }

        NoAnswerException(String how) {
            super("the connection to the service ended before it answered: " + how, null);
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** The request's URL with the scheme, host and port of {@code address}; path and query as encoded. */
    static URI at(URI requestUrl, URI address) {
        return UriComponentsBuilder.fromUri(requestUrl).scheme(address.getScheme()).host(address.getHost())
                .port(address.getPort()).build(true).toUri();
    }

    private static boolean isRead(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }

    /** No connection was opened, so no byte of the request left the gateway. */
    static boolean nothingSent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Netty's connect timeout and its "annotated" refusal are ConnectExceptions too.
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** The connection failed after the request went out (reset, closed before the answer), not a timeout. */
    static boolean brokeOnTheWay(Throwable failure) {
        boolean io = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ReadTimeoutException) {
                return false;
            }
            io |= t instanceof IOException;
        }
        return io;
    }
}
