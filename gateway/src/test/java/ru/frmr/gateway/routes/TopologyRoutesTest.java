package ru.frmr.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;

import ru.frmr.topology.Instance;
import ru.frmr.topology.Route;
import ru.frmr.topology.Service;
import ru.frmr.topology.Topology;

class TopologyRoutesTest {

    private static final Service REPORTS = new Service("reports", "reports", "reports",
            List.of(new Route("reports", "/api/reports/**")), List.of(new Instance(8088, 9088)));

    @Test
    void everyRouteOfTheTopologyGoesToItsService() {
        List<RouteDefinition> routes = routes(Topology.LOCAL, Map.of());

        assertThat(routes).extracting(RouteDefinition::getId)
                .containsExactly("registry", "fhir", "employer", "documents", "notification", "support", "auth", "audit",
                        "portal");
        assertThat(route(routes, "fhir").getUri()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(predicates(route(routes, "fhir"))).containsExactly("Path=/fhir/**");
        assertThat(route(routes, "fhir").getOrder()).isZero();
    }

    @Test
    void thePortalTakesWhatNoOtherRouteTakesExceptTheReservedPaths() {
        RouteDefinition portal = route(routes(Topology.LOCAL, Map.of()), "portal");

        assertThat(portal.getUri()).isEqualTo(URI.create("http://127.0.0.1:8087"));
        assertThat(predicates(portal)).containsExactly("Path=/**",
                "NotPath=/api/**,/fhir/**,/.well-known/**,/actuator/**");
        assertThat(portal.getOrder()).isEqualTo(org.springframework.core.Ordered.LOWEST_PRECEDENCE);
    }

    @Test
    void aServiceAddedToTheTopologyIsRouted() {
        List<RouteDefinition> routes = routes(Topology.LOCAL.with(REPORTS), Map.of());

        RouteDefinition reports = route(routes, "reports");
        assertThat(reports.getUri()).isEqualTo(URI.create("http://127.0.0.1:8088"));
        assertThat(predicates(reports)).containsExactly("Path=/api/reports/**");
    }

    @Test
    void aReplicatedServiceIsSpreadEvenlyOverItsInstances() {
        Topology twoRegistries = Topology.LOCAL.withReplica("registry-service", new Instance(8091, 9091));

        List<RouteDefinition> routes = routes(twoRegistries, Map.of());

        assertThat(routes).extracting(RouteDefinition::getId).contains("registry-1", "registry-2", "fhir-1", "fhir-2")
                .doesNotContain("registry", "fhir");
        assertThat(route(routes, "registry-1").getUri()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(route(routes, "registry-2").getUri()).isEqualTo(URI.create("http://127.0.0.1:8091"));
        assertThat(predicates(route(routes, "registry-2"))).containsExactly("Path=/api/registry/**",
                "Weight=registry,1");
        assertThat(predicates(route(routes, "fhir-1"))).containsExactly("Path=/fhir/**", "Weight=fhir,1");
    }

    @Test
    void aConfiguredAddressTakesAllOfTheServicesRoutes() {
        Topology twoRegistries = Topology.LOCAL.withReplica("registry-service", new Instance(8091, 9091));

        List<RouteDefinition> routes = routes(twoRegistries, Map.of("registry", "http://registry.frmr.svc:8080"));

        assertThat(route(routes, "registry").getUri()).isEqualTo(URI.create("http://registry.frmr.svc:8080"));
        assertThat(route(routes, "fhir").getUri()).isEqualTo(URI.create("http://registry.frmr.svc:8080"));
        assertThat(predicates(route(routes, "registry"))).containsExactly("Path=/api/registry/**");
    }

    @Test
    void theTopologysOwnAddressConfiguredIsNoOverride() {
        Topology twoRegistries = Topology.LOCAL.withReplica("registry-service", new Instance(8091, 9091));

        List<RouteDefinition> routes = routes(twoRegistries, Map.of("registry", "http://127.0.0.1:8081"));

        assertThat(routes).extracting(RouteDefinition::getId).contains("registry-1", "registry-2");
    }

    private static List<RouteDefinition> routes(Topology topology, Map<String, String> configured) {
        return new TopologyRoutes(topology, configured::get).getRouteDefinitions().collectList().block();
    }

    private static RouteDefinition route(List<RouteDefinition> routes, String id) {
        return routes.stream().filter(r -> r.getId().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> predicates(RouteDefinition route) {
        return route.getPredicates().stream()
                .map(p -> p.getName() + "=" + String.join(",", p.getArgs().values()))
                .toList();
    }
}
