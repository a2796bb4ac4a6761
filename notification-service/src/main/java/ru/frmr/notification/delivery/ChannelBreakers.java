package ru.frmr.notification.delivery;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.notification.delivery.send.RecipientRejectedException;

/**
 * A circuit breaker for each channel that leaves the service (the SMTP server, the SMS gateway); the inbox is the
 * service's own database and has none. A message the channel refuses for its address is not the channel's fault
 * and does not count against it. State and calls are in the metrics ({@code resilience4j_circuitbreaker_*},
 * {@code name} = email | sms).
 */
public class ChannelBreakers {

    private final Map<NotificationChannel, CircuitBreaker> breakers = new EnumMap<>(NotificationChannel.class);

    ChannelBreakers(DeliveryProperties.Breaker settings, MeterRegistry meters) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .minimumNumberOfCalls(settings.minimumCalls())
                .slidingWindowSize(settings.slidingWindow())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .ignoreExceptions(RecipientRejectedException.class)
                .build();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(config);
        for (NotificationChannel channel : new NotificationChannel[] {NotificationChannel.EMAIL,
                NotificationChannel.SMS}) {
            breakers.put(channel, registry.circuitBreaker(channel.name().toLowerCase(Locale.ROOT)));
        }
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    }

    /** The channel's breaker; empty for the inbox. */
    public Optional<CircuitBreaker> of(NotificationChannel channel) {
        return Optional.ofNullable(breakers.get(channel));
    }
}
