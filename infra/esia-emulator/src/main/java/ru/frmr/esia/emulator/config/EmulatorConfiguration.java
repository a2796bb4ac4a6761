package ru.frmr.esia.emulator.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import ru.frmr.esia.emulator.client.ClientRegistry;
import ru.frmr.esia.emulator.client.RegisteredClient;
import ru.frmr.gost.Pem;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EsiaProperties.class)
class EmulatorConfiguration {

    /** One clock for timestamps, code and token lifetimes, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SigningKey signingKey(EsiaProperties properties) {
        return new SigningKey(Pem.privateKey(read(properties.signingKey())),
                Pem.certificate(read(properties.signingCertificate())));
    }

    @Bean
    ClientRegistry clientRegistry(EsiaProperties properties) {
        List<RegisteredClient> clients = properties.clients().values().stream()
                .map(client -> new RegisteredClient(client.id(), Pem.certificate(read(client.certificate())),
                        client.redirectUris().values(), client.logoutRedirectUris().values(), client.scopes()))
                .toList();
        return new ClientRegistry(clients);
    }

    private static String read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource.getDescription(), e);
        }
    }
}
