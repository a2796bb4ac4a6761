package ru.frmr.auth.it;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.auth.command.Accounts;
import ru.frmr.infra.embedded.containers.ContainerTestInfra;
import ru.frmr.infra.embedded.containers.RequiresDocker;

/**
 * {@link ProvisioningRaceContract} on real mongo (replica set) and Kafka images (-Ptestcontainers): the concurrent
 * appends to one account are refused by the event store's unique (aggregate id, sequence) index of the server
 * production runs, so the account is provisioned once. auth-service as {@link AuthIntegrationTest} configures it,
 * on the containers.
 */
@RequiresDocker
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ProvisioningRaceContainersIT implements ProvisioningRaceContract {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        ContainerTestInfra infra = ContainerTestInfra.get();
        // The container's broker has no listener of its own for agencies; the address is only what they are told.
        AuthIntegrationTest.properties("auth_service_it", infra, infra.kafkaBootstrapServers())
                .forEach((k, v) -> registry.add(k, () -> v));
    }

    @Autowired
    Accounts accounts;

    @Autowired
    EventStore eventStore;

    @Override
    public Accounts accounts() {
        return accounts;
    }

    @Override
    public EventStore eventStore() {
        return eventStore;
    }
}
