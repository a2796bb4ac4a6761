package ru.frmr.gateway.config;

import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationConvention;
import org.springframework.security.config.observation.SecurityObservationSettings;

import ru.frmr.gateway.edge.TraceparentHeadersFilter;

/**
 * What the gateway observes of each request: the server exchange only (its timer, tagged with the route, and
 * its span, which the proxied call carries downstream as {@code traceparent}). Not the proxied call again
 * ({@code spring.cloud.gateway.server.webflux.observability.enabled=false}). Not the security
 * filter chain's own steps: Spring Security would otherwise add an observation (a span and timers) for the
 * chain before and after, for authentication and for authorization to every request, and the gateway's
 * profile showed their cost with nothing reading them.
 */
@Configuration(proxyBeanMethods = false)
public class ObservationConfiguration {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ServerRequestObservationConvention routeTaggedServerObservations() {
        return new RouteTaggedServerObservations();
    }

    /** Without tracing (no {@link Propagator}) the caller's own traceparent, if any, passes on unchanged. */
    @Bean
    TraceparentHeadersFilter traceparentHeadersFilter(ObjectProvider<Propagator> propagator) {
        return new TraceparentHeadersFilter(propagator.getIfAvailable(() -> Propagator.NOOP));
    }
}
