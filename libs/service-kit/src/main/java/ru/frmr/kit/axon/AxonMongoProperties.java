package ru.frmr.kit.axon;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tunables of Axon on MongoDB.
 *
 * @param lookBack      how far behind the newest seen event a tracking processor still looks for
 *                      late-committed events. axon-mongo tracks by timestamp: an event committed later
 *                      than this behind a newer one (slow commit, clock skew between replicas) would be
 *                      skipped, so it is generous.
 * @param claimTimeout  after how long a replica may take over a segment claimed by a silent one
 * @param commandRetries how often a command that lost an optimistic-concurrency race is retried
 */
@ConfigurationProperties("frmr.axon")
public record AxonMongoProperties(Duration lookBack, Duration claimTimeout, Integer commandRetries) {

    public AxonMongoProperties {
        lookBack = lookBack == null ? Duration.ofSeconds(60) : lookBack;
        claimTimeout = claimTimeout == null ? Duration.ofSeconds(10) : claimTimeout;
        commandRetries = commandRetries == null ? 3 : commandRetries;
    }
}
