package ru.frmr.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class TopologyTest {

    static final Service PORTAL = new Service("portal", "portal", "the cabinet in the browser",
            List.of(new Route("portal", "/portal/**")), List.of(new Instance(8087, 9087)));

    @Test
    void theEsiaEmulatorStartsFirstAndTheGatewayLast() {
        List<Service> services = Topology.LOCAL.services();

        assertThat(services.get(0).name()).isEqualTo("esia-emulator");
        assertThat(services.get(0).module()).isEqualTo("infra/esia-emulator");
        assertThat(services.get(services.size() - 1).name()).isEqualTo(Topology.GATEWAY);
    }

    @Test
    void aNewServiceIsOneEntryStartedBeforeTheGateway() {
        Topology withPortal = Topology.LOCAL.with(PORTAL);

        assertThat(withPortal.services()).hasSize(Topology.LOCAL.services().size() + 1);
        assertThat(withPortal.services().get(withPortal.services().size() - 2)).isEqualTo(PORTAL);
        assertThat(withPortal.portTable()).contains("| portal | 8087 | 9087 | `/portal/**` | the cabinet in the browser |");
    }

    @Test
    void aReplicaIsOneMoreInstance() {
        Topology twoRegistries = Topology.LOCAL.withReplica("registry-service", new Instance(8091, 9091));

        assertThat(twoRegistries.service("registry-service").instances())
                .containsExactly(new Instance(8081, 9081), new Instance(8091, 9091));
        assertThat(twoRegistries.service("registry-service").instanceName(1)).isEqualTo("registry-service-2");
        assertThat(twoRegistries.portTable()).contains("| registry-service | 8081, 8091 | 9081, 9091 |");
    }

    @Test
    void aPortIsNeverTakenTwiceNorByTheInfrastructure() {
        assertThatThrownBy(() -> Topology.LOCAL.withReplica("audit-service", new Instance(8081, 9181)))
                .hasMessageContaining("port 8081 of audit-service is taken");
        assertThatThrownBy(() -> Topology.LOCAL.with(new Service("portal", "portal", "x", List.of(),
                List.of(new Instance(8087, Topology.KAFKA_PORT)))))
                .hasMessageContaining("management port 9092 of portal is taken");
    }

    @Test
    void namesAndRouteIdsAreUnique() {
        assertThatThrownBy(() -> Topology.LOCAL.with(new Service("auth-service", "auth-service", "x", List.of(),
                List.of(new Instance(8087, 9087)))))
                .hasMessageContaining("service auth-service is listed twice");
        assertThatThrownBy(() -> Topology.LOCAL.with(new Service("portal", "portal", "x",
                List.of(new Route("fhir", "/x/**")), List.of(new Instance(8087, 9087)))))
                .hasMessageContaining("route id fhir is used twice");
    }

    @Test
    void theGatewayMustStayLast() {
        List<Service> gatewayFirst = new java.util.ArrayList<>(Topology.LOCAL.services());
        gatewayFirst.add(0, gatewayFirst.remove(gatewayFirst.size() - 1));

        assertThatThrownBy(() -> new Topology(gatewayFirst)).hasMessageContaining("the gateway must start last");
    }

    @Test
    void theOverrideKeyDropsTheServiceSuffix() {
        assertThat(Topology.LOCAL.service("registry-service").key()).isEqualTo("registry");
        assertThat(PORTAL.key()).isEqualTo("portal");
    }

    @Test
    void everyPortIsOnTheLoopbackAddress() {
        Instance instance = Topology.LOCAL.service(Topology.GATEWAY).primary();

        assertThat(instance.url()).isEqualTo("http://127.0.0.1:8080");
        assertThat(instance.managementUrl()).isEqualTo("http://127.0.0.1:9080");
    }
}
