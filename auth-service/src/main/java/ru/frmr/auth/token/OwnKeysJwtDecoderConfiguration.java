package ru.frmr.auth.token;

import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import ru.frmr.kit.security.PlatformJwtDecoders;
import ru.frmr.kit.security.PlatformSecurityProperties;

/**
 * The service kit's resource server checks access tokens against the JWKS; auth-service holds the keys
 * itself, so its decoder reads them from the key store instead of calling its own endpoint. The claim
 * rules are the kit's, the same as every other service applies.
 */
@Configuration(proxyBeanMethods = false)
class OwnKeysJwtDecoderConfiguration {

    @Bean
    JwtDecoder jwtDecoder(SigningKeyStore keys, PlatformSecurityProperties properties) {
        JWKSource<SecurityContext> source = (selector, context) -> selector.select(
                keys.publicKeys(selector.getMatcher().getKeyIDs() == null ? null
                        : selector.getMatcher().getKeyIDs().stream().findFirst().orElse(null)));
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.ES256), source));
        // Spring's validators below check the claims; nimbus's own claim check would only duplicate them.
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(PlatformJwtDecoders.validator(properties));
        return decoder;
    }
}
