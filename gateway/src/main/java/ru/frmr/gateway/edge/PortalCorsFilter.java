package ru.frmr.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import ru.frmr.gateway.error.EdgeRejectionException;

/**
 * CORS for the portal's origins. Unlike Spring's {@code CorsWebFilter}, a rejected request fails with
 * an exception, so the caller gets a problem+json 403 instead of an empty body.
 */
public class PortalCorsFilter implements WebFilter, Ordered {

    private final CorsConfigurationSource source;
    private final CorsProcessor processor = new DefaultCorsProcessor();

    public PortalCorsFilter(CorsConfigurationSource source) {
        this.source = source;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        CorsConfiguration config = source.getCorsConfiguration(exchange);
        if (config == null) {
            return chain.filter(exchange);
        }
        if (!processor.process(config, exchange)) {
            return Mono.error(new EdgeRejectionException(HttpStatus.FORBIDDEN, "This origin may not call the API."));
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return EdgeFilterOrder.CORS;
    }
}
