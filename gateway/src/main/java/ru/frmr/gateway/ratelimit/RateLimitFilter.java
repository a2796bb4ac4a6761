package ru.frmr.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import ru.frmr.gateway.config.RateLimitProperties;
import ru.frmr.gateway.error.EdgeRejectionException;

/**
 * Per-client budgets, checked after the access token (so an account is known) and before routing. The
 * login endpoints are budgeted per IP, the rest of {@code /api/**} per account, or per IP without a token.
 * The IP is the socket's peer: a client-supplied {@code X-Forwarded-For} would let anyone pick their own
 * budget. (Behind a trusted proxy, forwarded-header handling must be enabled for that proxy only.)
 */
public class RateLimitFilter implements WebFilter {

    private final List<PathPattern> loginPaths;
    private final ClientRateLimiters login;
    private final ClientRateLimiters api;
    private final MeterRegistry meters;

    public RateLimitFilter(RateLimitProperties properties, MeterRegistry meters) {
        this.loginPaths = properties.loginPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.login = new ClientRateLimiters("login", properties.login(), properties.maxClients());
        this.api = new ClientRateLimiters("api", properties.api(), properties.maxClients());
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        String ip = "ip:" + clientIp(exchange);
        if (loginPaths.stream().anyMatch(pattern -> pattern.matches(path))) {
            return admit(login, ip, exchange, chain);
        }
        if (!path.value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(token -> "account:" + token.getName())
                .defaultIfEmpty(ip)
                .flatMap(client -> admit(api, client, exchange, chain));
    }

    private Mono<Void> admit(ClientRateLimiters limiters, String client, ServerWebExchange exchange,
                             WebFilterChain chain) {
        return limiters.acquire(client)
                .map(wait -> reject(limiters.policy(), wait))
                .orElseGet(() -> chain.filter(exchange));
    }

    private Mono<Void> reject(String policy, Duration wait) {
        meters.counter("frmr.gateway.rate.limited", "policy", policy).increment();
        HttpHeaders headers = new HttpHeaders();
        // Whole seconds, rounded up, at least one: a client that waits that long gets through.
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return Mono.error(new EdgeRejectionException(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this client. Retry after the number of seconds in Retry-After.", headers));
    }

    private static String clientIp(ServerWebExchange exchange) {
        InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
        return peer == null || peer.getAddress() == null ? "unknown" : peer.getAddress().getHostAddress();
    }
}
