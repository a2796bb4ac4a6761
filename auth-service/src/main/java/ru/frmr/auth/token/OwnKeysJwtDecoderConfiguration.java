package ru.frmr.auth.token;

import java.time.Clock;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import ru.frmr.kit.security.PlatformJwtDecoders;
import ru.frmr.kit.security.PlatformSecurityProperties;

/**
 * The service kit's resource server checks access tokens against the JWKS; auth-service holds the keys
 * itself, so its decoder reads them from the key store instead of calling its own endpoint. The rules are
 * the platform's (libs/platform-rules), the same as the gateway and every other service apply.
 */
@Configuration(proxyBeanMethods = false)
class OwnKeysJwtDecoderConfiguration {

    @Bean
    JwtDecoder jwtDecoder(SigningKeyStore keys, PlatformSecurityProperties properties, Clock clock) {
        JWKSource<SecurityContext> source = (selector, context) -> selector.select(
                keys.publicKeys(selector.getMatcher().getKeyIDs() == null ? null
                        : selector.getMatcher().getKeyIDs().stream().findFirst().orElse(null)));
        return PlatformJwtDecoders.fromKeys(source, properties, clock);
    }
}
