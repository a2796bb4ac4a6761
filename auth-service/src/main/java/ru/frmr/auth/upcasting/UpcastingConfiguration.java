package ru.frmr.auth.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import ru.frmr.kit.identity.WorkerIds;

/**
 * auth-service's event upcasters, which the kit's event store chains in this order: a stored event of an older
 * {@code @Revision} is brought to the current shape before any handler sees it. Every changed domain event gets
 * one here, with a test on a stored payload in {@code src/test/resources/upcasting/}.
 */
@Configuration(proxyBeanMethods = false)
class UpcastingConfiguration {

    @Bean
    @Order(1)
    EventUpcaster accountProvisionedEventUpcaster(WorkerIds workerIds) {
        return new AccountProvisionedEventUpcaster(workerIds);
    }
}
