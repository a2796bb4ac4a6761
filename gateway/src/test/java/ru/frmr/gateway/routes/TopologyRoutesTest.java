package ru.frmr.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
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
    void aReplicatedServiceKeepsOneRoutePerPathWithItsCopiesBehindIt() {
        Topology twoRegistries = Topology.LOCAL.withReplica("registry-service", new Instance(8181, 9181));

        TopologyRoutes topologyRoutes = new TopologyRoutes(twoRegistries, key -> null);
        List<RouteDefinition> routes = topologyRoutes.getRouteDefinitions().collectList().block();

        assertThat(routes).extracting(RouteDefinition::getId).contains("registry", "fhir");
        assertThat(predicates(route(routes, "registry"))).containsExactly("Path=/api/registry/**");
        assertThat(topologyRoutes.replicatedServices()).containsOnlyKeys("registry");
        assertThat(topologyRoutes.replicatedServices().get("registry"))
                .containsExactly(URI.create("http://127.0.0.1:8081"), URI.create("http://127.0.0.1:8181"));
        Map<String, Replicas> byRoute = topologyRoutes.replicasByRoute(Duration.ZERO, Clock.systemUTC());
        assertThat(byRoute).containsOnlyKeys("registry", "fhir");
        // One set of copies per service: a copy found down is set aside on all of its routes.
        assertThat(byRoute.get("registry")).isSameAs(byRoute.get("fhir"));
    }

    @Test
    void commaSeparatedAddressesAreTheCopiesOfAService() {
        TopologyRoutes topologyRoutes = new TopologyRoutes(Topology.LOCAL,
                Map.of("registry", "http://10.0.0.1:8080, http://10.0.0.2:8080")::get);

        assertThat(route(topologyRoutes.getRouteDefinitions().collectList().block(), "registry").getUri())
                .isEqualTo(URI.create("http://10.0.0.1:8080"));
        assertThat(topologyRoutes.replicatedServices().get("registry"))
                .containsExactly(URI.create("http://10.0.0.1:8080"), URI.create("http://10.0.0.2:8080"));
    }

    @Test
    void aConfiguredAddressTakesAllOfTheServicesRoutes() {
        Topology twoRegistries = Topology.LOCAL.withReplica("registry-service", new Instance(8181, 9181));

        List<RouteDefinition> routes = routes(twoRegistries, Map.of("registry", "http://registry.frmr.svc:8080"));

        assertThat(route(routes, "registry").getUri()).isEqualTo(URI.create("http://registry.frmr.svc:8080"));
        assertThat(route(routes, "fhir").getUri()).isEqualTo(URI.create("http://registry.frmr.svc:8080"));
        assertThat(predicates(route(routes, "registry"))).containsExactly("Path=/api/registry/**");
        assertThat(new TopologyRoutes(twoRegistries, Map.of("registry", "http://registry.frmr.svc:8080")::get)
                .replicatedServices()).isEmpty();
    }

    @Test
    void theTopologysOwnAddressConfiguredIsNoOverride() {
        Topology twoRegistries = Topology.LOCAL.withReplica("registry-service", new Instance(8181, 9181));

        TopologyRoutes topologyRoutes = new TopologyRoutes(twoRegistries, Map.of("registry", "http://127.0.0.1:8081")::get);

        assertThat(topologyRoutes.replicatedServices()).containsOnlyKeys("registry");
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
