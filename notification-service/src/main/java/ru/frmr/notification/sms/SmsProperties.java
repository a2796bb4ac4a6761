package ru.frmr.notification.sms;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMS gateway ({@code frmr.notification.sms}).
 *
 * @param baseUrl where its API is (the local stack's emulator by default)
 * @param timeout the longest wait for a connection and for its answer
 */
@ConfigurationProperties("frmr.notification.sms")
public record SmsProperties(URI baseUrl, Duration timeout) {

    public SmsProperties {
        baseUrl = baseUrl == null ? URI.create("http://127.0.0.1:8026") : baseUrl;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
}
