package ru.frmr.infra.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.frmr.topology.Instance;
import ru.frmr.topology.Topology;

class ReplicasTest {

    @Test
    void eachFurtherCopyTakesTheFirstCopysPortsPlusAHundred() {
        Topology topology = Replicas.apply(Topology.LOCAL, Map.of("registry-service", 3));

        assertThat(topology.service("registry-service").instances()).containsExactly(new Instance(8081, 9081),
                new Instance(8181, 9181), new Instance(8281, 9281));
        assertThat(ServiceSpec.launchOrder(topology)).extracting(ServiceSpec::name)
                .containsSubsequence("registry-service", "registry-service-2", "registry-service-3", "employer-service")
                .endsWith("gateway");
        // Copies share the service's module and database.
        assertThat(ServiceSpec.launchOrder(topology)).filteredOn(spec -> spec.module().equals("registry-service"))
                .extracting(ServiceSpec::database).containsOnly("registry_service");
    }

    @Test
    void theGatewayIsToldEveryCopyOfAReplicatedServiceOnly() {
        Topology topology = Replicas.apply(Topology.LOCAL, Map.of("registry-service", 2, "audit-service", 1));

        assertThat(Replicas.gatewayArguments(topology)).isEqualTo(List.of(
                "--frmr.gateway.services.registry=http://127.0.0.1:8081,http://127.0.0.1:8181"));
        assertThat(Replicas.gatewayArguments(Topology.LOCAL)).isEmpty();
    }

    @Test
    void onlyServicesBehindTheGatewayCanBeReplicated() {
        assertThatThrownBy(() -> Replicas.apply(Topology.LOCAL, Map.of("registry", 2)))
                .hasMessageContaining("no service registry").hasMessageContaining("registry-service");
        assertThatThrownBy(() -> Replicas.apply(Topology.LOCAL, Map.of("gateway", 2)))
                .hasMessageContaining("not behind the gateway");
        assertThatThrownBy(() -> Replicas.apply(Topology.LOCAL, Map.of("esia-emulator", 2)))
                .hasMessageContaining("not behind the gateway");
    }
}
