package ru.frmr.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class TopologyTest {

    static final Service REPORTS = new Service("reports", "reports", "reports",
            List.of(new Route("reports", "/api/reports/**")), List.of(new Instance(8088, 9088)));

    @Test
    void theEsiaEmulatorStartsFirstAndTheGatewayLast() {
        List<Service> services = Topology.LOCAL.services();

        assertThat(services.get(0).name()).isEqualTo("esia-emulator");
        assertThat(services.get(0).module()).isEqualTo("infra/esia-emulator");
        assertThat(services.get(services.size() - 1).name()).isEqualTo(Topology.GATEWAY);
    }

    @Test
    void aNewServiceIsOneEntryStartedBeforeTheGateway() {
        Topology withReports = Topology.LOCAL.with(REPORTS);

        assertThat(withReports.services()).hasSize(Topology.LOCAL.services().size() + 1);
        assertThat(withReports.services().get(withReports.services().size() - 2)).isEqualTo(REPORTS);
        assertThat(withReports.portTable()).contains("| reports | 8088 | 9088 | `/api/reports/**` | reports |");
    }

    @Test
    void thePortalTakesEveryPathNoOtherRouteTakesButTheReservedOnes() {
        Service portal = Topology.LOCAL.service("portal");

        assertThat(portal.routes()).singleElement().satisfies(route -> assertThat(route.isFallback()).isTrue());
        assertThat(Topology.LOCAL.services().stream().flatMap(s -> s.routes().stream()).filter(Route::isFallback))
                .hasSize(1);
        assertThat(Route.RESERVED).contains("/api/**", "/fhir/**", "/actuator/**");
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
        assertThatThrownBy(() -> Topology.LOCAL.with(new Service("reports", "reports", "x", List.of(),
                List.of(new Instance(8088, Topology.KAFKA_PORT)))))
                .hasMessageContaining("management port 9092 of reports is taken");
    }

    @Test
    void namesAndRouteIdsAreUnique() {
        assertThatThrownBy(() -> Topology.LOCAL.with(new Service("auth-service", "auth-service", "x", List.of(),
                List.of(new Instance(8088, 9088)))))
                .hasMessageContaining("service auth-service is listed twice");
        assertThatThrownBy(() -> Topology.LOCAL.with(new Service("reports", "reports", "x",
                List.of(new Route("fhir", "/x/**")), List.of(new Instance(8088, 9088)))))
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
        assertThat(REPORTS.key()).isEqualTo("reports");
    }

    @Test
    void everyPortIsOnTheLoopbackAddress() {
        Instance instance = Topology.LOCAL.service(Topology.GATEWAY).primary();

        assertThat(instance.url()).isEqualTo("http://127.0.0.1:8080");
        assertThat(instance.managementUrl()).isEqualTo("http://127.0.0.1:9080");
    }
}
