package ru.frmr.infra.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.frmr.topology.Instance;
import ru.frmr.topology.Route;
import ru.frmr.topology.Service;
import ru.frmr.topology.Topology;

class ServiceSpecTest {

    @Test
    void theStackLaunchesTheTopologyInItsOrder() {
        assertThat(ServiceSpec.ALL).extracting(ServiceSpec::name)
                .containsExactlyElementsOf(Topology.LOCAL.services().stream().map(Service::name).toList());
        assertThat(ServiceSpec.ALL.get(0)).isEqualTo(new ServiceSpec("esia-emulator", "infra/esia-emulator", 8089, 9089));
        assertThat(ServiceSpec.ALL.get(ServiceSpec.ALL.size() - 1)).isEqualTo(new ServiceSpec("gateway", "gateway", 8080, 9080));
    }

    @Test
    void anExtraServiceInTheTopologyIsLaunchedBeforeTheGateway() {
        Topology withReports = Topology.LOCAL.with(new Service("reports", "reports", "reports",
                List.of(new Route("reports", "/api/reports/**")), List.of(new Instance(8088, 9088))));

        List<ServiceSpec> specs = ServiceSpec.launchOrder(withReports);

        assertThat(specs.get(specs.size() - 2)).isEqualTo(new ServiceSpec("reports", "reports", 8088, 9088));
        assertThat(ServiceSpec.ALL).contains(new ServiceSpec("portal", "portal", 8087, 9087));
        assertThat(specs.get(specs.size() - 1).name()).isEqualTo("gateway");
    }

    @Test
    void aReplicaIsLaunchedBesideTheFirstCopyAndSharesItsDatabase() {
        Topology twoRegistries = Topology.LOCAL.withReplica("registry-service", new Instance(8091, 9091));

        List<ServiceSpec> specs = ServiceSpec.launchOrder(twoRegistries);

        ServiceSpec replica = new ServiceSpec("registry-service-2", "registry-service", 8091, 9091);
        assertThat(specs).containsSubsequence(
                new ServiceSpec("registry-service", "registry-service", 8081, 9081), replica);
        assertThat(replica.database()).isEqualTo("registry_service");
    }

    @Test
    void databaseNameReplacesDashes() {
        assertThat(new ServiceSpec("registry-service", "registry-service", 8081, 9081).database())
                .isEqualTo("registry_service");
    }
}
