package ru.frmr.auth.upcasting;

import java.util.Optional;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

import ru.frmr.kit.identity.LegacyWorkerIds;

/**
 * auth-service's event upcasters, which the kit's event store chains in this order: a stored event of an older
 * {@code @Revision} is brought to the current shape before any handler sees it. Every changed domain event gets
 * one here, with a test on a stored payload in {@code src/test/resources/upcasting/}.
 */
@Configuration(proxyBeanMethods = false)
class UpcastingConfiguration {

    @Bean
    @Order(1)
    EventUpcaster accountProvisionedEventUpcaster(Environment environment) {
        return new AccountProvisionedEventUpcaster(Optional.ofNullable(environment.getProperty(
                LegacyWorkerIds.PROPERTY)).filter(key -> !key.isBlank()).map(LegacyWorkerIds::new));
    }

    @Bean
    @Order(2)
    EventUpcaster accountProvisionedEventRevision3Upcaster() {
        return new AccountProvisionedEventRevision3Upcaster();
    }

    @Bean
    @Order(3)
    EventUpcaster loginSucceededEventUpcaster() {
        return new LoginSucceededEventUpcaster();
    }

    @Bean
    @Order(4)
    EventUpcaster contactChangeConfirmedEventUpcaster() {
        return new ContactChangeConfirmedEventUpcaster();
    }

    @Bean
    @Order(5)
    EventUpcaster loginFailedEventUpcaster() {
        return new LoginFailedEventUpcaster();
    }
}
