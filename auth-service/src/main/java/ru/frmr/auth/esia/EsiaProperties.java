package ru.frmr.auth.esia;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The ESIA client registration ({@code frmr.esia.*}). Keys and certificates are resource locations
 * ({@code file:...}), never part of the jar.
 *
 * @param baseUrl           e.g. {@code https://esia.gosuslugi.ru}; locally the emulator
 * @param clientKey         PKCS#8 PEM of the system's GOST key: signs {@code client_secret}
 * @param clientCertificate the system's certificate registered with ESIA: its hash goes with every request
 * @param esiaCertificate   ESIA's token-signing certificate: access tokens are checked against it
 * @param tokenIssuer       the {@code iss} ESIA puts in its tokens
 * @param scopes            space-separated, as ESIA expects them
 * @param timeout           for each call to ESIA
 * @param clockSkew         tolerated difference between ESIA's clock and ours for {@code exp} / {@code nbf}
 */
@ConfigurationProperties("frmr.esia")
public record EsiaProperties(boolean enabled, URI baseUrl, String clientId, Resource clientKey,
                             Resource clientCertificate, Resource esiaCertificate, String tokenIssuer,
                             URI redirectUri, String scopes, Duration timeout, Duration clockSkew) {

    public EsiaProperties {
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
    }
}
