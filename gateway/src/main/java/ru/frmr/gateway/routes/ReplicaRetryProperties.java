package ru.frmr.gateway.routes;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway retries a request on another copy of a replicated service ({@link ReplicaRetryFilter}).
 *
 * @param maxAttempts the tries of one request at most, the first included
 * @param backOff     the pause before the first retry; it doubles before each further one
 * @param avoidFor    how long a copy that refused a connection is tried after the others
 */
@ConfigurationProperties("frmr.gateway.retry")
public record ReplicaRetryProperties(@DefaultValue("3") int maxAttempts, @DefaultValue("20ms") Duration backOff,
                                     @DefaultValue("5s") Duration avoidFor) {

    public ReplicaRetryProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("frmr.gateway.retry.max-attempts must be at least 1: " + maxAttempts);
        }
        if (backOff.isNegative() || avoidFor.isNegative()) {
            throw new IllegalArgumentException("frmr.gateway.retry.back-off and avoid-for must not be negative");
        }
    }
}
