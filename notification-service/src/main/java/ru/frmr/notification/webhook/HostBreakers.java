package ru.frmr.notification.webhook;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * A circuit breaker per receiving host, so that one receiver that is down or slow (each attempt waiting for its
 * timeouts) does not hold back the deliveries to every other: while a host's breaker is open its deliveries stay
 * due, unattempted and uncounted. Not bound to the metrics: the names are agencies' host names, unbounded in number.
 */
class HostBreakers {

    private final CircuitBreakerRegistry registry;

    HostBreakers(WebhookProperties.Breaker settings) {
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .minimumNumberOfCalls(settings.minimumCalls())
                .slidingWindowSize(settings.slidingWindow())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
    }

    CircuitBreaker of(String host) {
        return registry.circuitBreaker(host);
    }
}
