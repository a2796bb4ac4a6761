package ru.frmr.auth.oidc;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A standard OpenID Connect provider ({@code frmr.oidc.*}), used beside or instead of ESIA.
 *
 * @param issuer     its discovery document is at {@code issuer + /.well-known/openid-configuration}
 * @param snilsClaim the claim (ID token or userinfo) that carries the person's СНИЛС
 */
@ConfigurationProperties("frmr.oidc")
public record OidcProperties(boolean enabled, URI issuer, String clientId, String clientSecret, URI redirectUri,
                             String scopes, String snilsClaim, Duration timeout) {

    public OidcProperties {
        scopes = scopes == null ? "openid profile email phone" : scopes;
        snilsClaim = snilsClaim == null ? "snils" : snilsClaim;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    @Override
    public String toString() {
        return "OidcProperties[issuer=" + issuer + ", clientId=" + clientId + "]";
    }
}
