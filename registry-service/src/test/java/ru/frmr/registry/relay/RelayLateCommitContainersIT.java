package ru.frmr.registry.relay;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.infra.embedded.containers.ContainerTestInfra;
import ru.frmr.infra.embedded.containers.RequiresDocker;
import ru.frmr.registry.consumer.KafkaTestEvents;
import ru.frmr.registry.web.RegistryClient;

/**
 * {@link RelayLateCommitContract} on real mongo (replica set) and Kafka images (-Ptestcontainers): the relay's
 * timestamp-based tracking token over the event store of the server production runs, where a late commit really
 * happens (majority write concern, another replica's clock).
 */
@RequiresDocker
class RelayLateCommitContainersIT extends RelayLateCommitContract {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        RegistryClient.useInfra(registry, ContainerTestInfra.get(), DB);
    }

    @BeforeAll
    static void readFromTheContainer() {
        KafkaTestEvents.use(ContainerTestInfra.get());
    }

    @AfterAll
    static void readFromTheSharedBrokerAgain() {
        KafkaTestEvents.use(null);
    }
}
