package ru.frmr.gateway.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * What the gateway observes of each request: the server exchange (its timer, its span, the trace id in log
 * lines) and the proxied call (its span, and the {@code traceparent} it passes downstream). Not the security
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
}
