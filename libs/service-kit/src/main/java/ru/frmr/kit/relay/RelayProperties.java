package ru.frmr.kit.relay;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param source      CloudEvents {@code source} of this service, e.g. {@code /frmr/registry-service}
 * @param autostart   whether the relay starts with the service; off only to simulate a crash between
 *                    append and publish in tests
 * @param sendTimeout how long one publish may wait for the broker's acknowledgement before the batch is
 *                    retried
 */
@ConfigurationProperties("frmr.relay")
public record RelayProperties(URI source, Boolean autostart, Duration sendTimeout) {

    public RelayProperties {
        autostart = autostart == null || autostart;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(30) : sendTimeout;
    }
}
