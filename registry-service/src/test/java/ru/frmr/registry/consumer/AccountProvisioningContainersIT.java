package ru.frmr.registry.consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.infra.embedded.containers.ContainerTestInfra;
import ru.frmr.infra.embedded.containers.RequiresDocker;
import ru.frmr.registry.web.RegistryClient;

/**
 * {@link AccountProvisioningContract} on real mongo (replica set) and Kafka images (-Ptestcontainers): the event
 * store's unique (aggregate, sequence) index, the processed-events records and the relay's tracking token on the
 * server production runs, and the consumer's commits, redeliveries and dead letters on a real broker.
 */
@RequiresDocker
class AccountProvisioningContainersIT extends AccountProvisioningContract {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        RegistryClient.useInfra(registry, ContainerTestInfra.get(), DB);
    }

    @BeforeAll
    static void publishToTheContainer() {
        KafkaTestEvents.use(ContainerTestInfra.get());
    }

    @AfterAll
    static void publishToTheSharedBrokerAgain() {
        KafkaTestEvents.use(null);
    }
}
