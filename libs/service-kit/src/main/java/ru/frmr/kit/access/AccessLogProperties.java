package ru.frmr.kit.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param relayEnabled  whether this replica publishes the access outbox (off only in tests that look at the outbox)
 * @param relayInterval the pause between two sweeps of the outbox: how late a record may reach Kafka at most
 * @param lockAtMostFor how long a replica that died mid-sweep keeps the others from sweeping
 * @param sendTimeout   how long one publish may wait for the broker's acknowledgement
 */
@ConfigurationProperties("frmr.access")
public record AccessLogProperties(Boolean relayEnabled, Duration relayInterval, Duration lockAtMostFor,
                                  Duration sendTimeout) {

    public AccessLogProperties {
        relayEnabled = relayEnabled == null || relayEnabled;
        relayInterval = relayInterval == null ? Duration.ofSeconds(1) : relayInterval;
        lockAtMostFor = lockAtMostFor == null ? Duration.ofMinutes(1) : lockAtMostFor;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(30) : sendTimeout;
    }
}
