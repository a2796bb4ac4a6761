package ru.frmr.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import ru.frmr.gateway.config.RateLimitProperties;
import ru.frmr.gateway.error.EdgeRejectionException;

/** Every budget of {@link RateLimitProperties}, one set of per-client limiters each, and the 429 they give. */
public final class Budgets {

    static final String RATE_LIMITED = "frmr.gateway.rate.limited";

    final ClientRateLimiters login;
    final ClientRateLimiters loginAttempt;
    final ClientRateLimiters publicReads;
    final ClientRateLimiters search;
    final ClientRateLimiters address;
    final ClientRateLimiters account;
    final ClientRateLimiters personLookup;
    private final MeterRegistry meters;

    public Budgets(RateLimitProperties properties, MeterRegistry meters) {
        long max = properties.maxClients();
        this.login = new ClientRateLimiters("login", properties.login(), max);
        this.loginAttempt = new ClientRateLimiters("login-attempt", properties.loginAttempt(), max);
        this.publicReads = new ClientRateLimiters("public", properties.publicReads(), max);
        this.search = new ClientRateLimiters("search", properties.search(), max);
        this.address = new ClientRateLimiters("address", properties.address(), max);
        this.account = new ClientRateLimiters("api", properties.api(), max);
        this.personLookup = new ClientRateLimiters("person-lookup", properties.personLookup(), max);
        this.meters = meters;
        // At 0 from startup for every budget, so that rate() and increase() have series before the first 429.
        for (ClientRateLimiters budget : List.of(login, loginAttempt, publicReads, search, address, account,
                personLookup)) {
            meters.counter(RATE_LIMITED, "policy", budget.policy());
        }
    }

    /** Spends one request of each budget in order, and stops at the first one that is spent out. */
    Mono<Void> admit(ServerWebExchange exchange, WebFilterChain chain, Charge... charges) {
        for (Charge charge : charges) {
            Optional<Duration> wait = charge.limiters().acquire(charge.client());
            if (wait.isPresent()) {
                return reject(charge.limiters().policy(), wait.get());
            }
        }
        return chain.filter(exchange);
    }

    record Charge(ClientRateLimiters limiters, String client) {
    }

    private Mono<Void> reject(String policy, Duration wait) {
        meters.counter(RATE_LIMITED, "policy", policy).increment();
        HttpHeaders headers = new HttpHeaders();
        // Whole seconds, rounded up, at least one: a client that waits that long gets through.
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return Mono.error(new EdgeRejectionException(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this client. Retry after the number of seconds in Retry-After.", headers));
    }
}
