package ru.frmr.documents.pdf;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The document-signing key, read and checked at start: a service that cannot sign справки does not start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SigningProperties.class)
class SigningConfiguration {

    @Bean
    PlatformSigningKey platformSigningKey(SigningProperties properties) {
        return PlatformSigningKey.load(properties);
    }
}
