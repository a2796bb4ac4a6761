package ru.frmr.gateway.edge;

import io.micrometer.tracing.propagation.Propagator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

import ru.frmr.gateway.error.TraceIds;

/**
 * Passes the trace on to the service: the proxied request carries the gateway's server span as its
 * {@code traceparent} (replacing the caller's, whose trace that span continues). This replaces Spring Cloud
 * Gateway's observation of the proxied call, which gave every request a second observation, span and timer;
 * the server observation times each route instead ({@code RouteTaggedServerObservations}).
 *
 * <p>With {@code ru.frmr.gateway.requests} at DEBUG (the {@code local} profile) each proxied request also leaves a
 * line with its trace id, the gateway's end of a search by trace id; off, it costs a level check.
 */
public class TraceparentHeadersFilter implements HttpHeadersFilter {

    private static final Logger requests = LoggerFactory.getLogger("ru.frmr.gateway.requests");

    private final Propagator propagator;

    public TraceparentHeadersFilter(Propagator propagator) {
        this.propagator = propagator;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        if (requests.isDebugEnabled()) {
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            // Method and route only: a path or query may name a person.
            TraceIds.inLog(exchange, () -> requests.debug("{} to route {}", exchange.getRequest().getMethod(),
                    route == null ? "-" : route.getId()));
        }
        return TraceIds.of(exchange).map(trace -> {
            HttpHeaders headers = new HttpHeaders();
            headers.putAll(input);
            propagator.inject(trace, headers, HttpHeaders::set);
            return headers;
        }).orElse(input);
    }
}
