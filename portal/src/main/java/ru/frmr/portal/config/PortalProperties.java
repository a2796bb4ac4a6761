package ru.frmr.portal.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The portal's settings.
 *
 * @param gatewayUrl     where the portal calls the platform's APIs with the person's token (server to server)
 * @param tokenKey       base64 of 32 random bytes: seals the person's tokens where the portal stores them. A
 *                       secret: only the {@code local} and {@code test} profiles have one.
 * @param secureCookies  whether the browser reaches the portal over TLS: then the session cookie is
 *                       {@code __Host-frmr_portal}, {@code Secure}
 * @param loginProvider  the identity provider the "Войти через Госуслуги" button starts ({@code esia})
 * @param tokenRefreshMargin how long before its expiry an access token is replaced
 * @param dictionariesKeptFor how long the registry's dictionaries are kept before they are read again
 * @param callTimeout    how long a page waits for one answer of the platform (longer than the gateway's own limit,
 *                       so the gateway's 504 comes first)
 */
@Validated
@ConfigurationProperties("frmr.portal")
public record PortalProperties(@NotNull URI gatewayUrl,
                               @NotBlank(message = "frmr.portal.token-key must be set (base64 of 32 random bytes)")
                               String tokenKey,
                               @DefaultValue("false") boolean secureCookies,
                               @DefaultValue("esia") @Pattern(regexp = "^[a-z]{2,16}$") String loginProvider,
                               @DefaultValue("60s") Duration tokenRefreshMargin,
                               @DefaultValue("15s") Duration callTimeout,
                               @DefaultValue("10m") Duration dictionariesKeptFor) {

    /** The session cookie: the {@code __Host-} prefix binds it to this origin, which only works over TLS. */
    public String cookieName() {
        return secureCookies ? "__Host-frmr_portal" : "frmr_portal";
    }
}
