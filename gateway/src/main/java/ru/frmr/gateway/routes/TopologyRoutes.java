package ru.frmr.gateway.routes;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.core.Ordered;
import reactor.core.publisher.Flux;

import ru.frmr.topology.Instance;
import ru.frmr.topology.Route;
import ru.frmr.topology.Service;
import ru.frmr.topology.Topology;

/**
 * The gateway's routes, one per {@link Route} of the {@link Topology}, so no route is written twice. A service
 * goes to the addresses configured as {@code frmr.gateway.services.<key>} (comma-separated, one per copy; a
 * single one may have its replicas behind it) when that is not the topology's own; otherwise to its instances.
 * A service with several addresses keeps one route per path (one circuit breaker, one name in the metrics);
 * {@link ReplicaRetryFilter} spreads its requests over the copies and retries on another copy what is safe to.
 * The gateway's default filters (the circuit breaker) apply to these routes like to any other.
 */
public final class TopologyRoutes implements RouteDefinitionLocator {

    private final List<RouteDefinition> routes;
    /** Service key to its addresses, for the services with more than one. */
    private final Map<String, List<URI>> replicated;
    /** Route id to service key, for the routes of those services. */
    private final Map<String, String> replicatedRoutes;

    /** {@code configuredAddress} gives {@code frmr.gateway.services.<key>}, or null when it is not set. */
    public TopologyRoutes(Topology topology, Function<String, String> configuredAddress) {
        List<RouteDefinition> all = new ArrayList<>();
        Map<String, List<URI>> services = new LinkedHashMap<>();
        Map<String, String> serviceOfRoute = new HashMap<>();
        for (Service service : topology.services()) {
            List<URI> addresses = addresses(service, configuredAddress.apply(service.key()));
            if (addresses.size() > 1) {
                services.put(service.key(), addresses);
            }
            for (Route route : service.routes()) {
                all.add(definition(route.id(), addresses.get(0), route));
                if (addresses.size() > 1) {
                    serviceOfRoute.put(route.id(), service.key());
                }
            }
        }
        this.routes = List.copyOf(all);
        this.replicated = Map.copyOf(services);
        this.replicatedRoutes = Map.copyOf(serviceOfRoute);
    }

    @Override
    public Flux<RouteDefinition> getRouteDefinitions() {
        return Flux.fromIterable(routes);
    }

    /** The addresses of each replicated service, by service key. */
    public Map<String, List<URI>> replicatedServices() {
        return replicated;
    }

    /**
     * The copies behind each route of a replicated service, one {@link Replicas} per service shared by its
     * routes (so a copy that refused a connection is avoided on all of them).
     */
    Map<String, Replicas> replicasByRoute(Duration avoidFor, Clock clock) {
        Map<String, Replicas> perService = new HashMap<>();
        replicated.forEach((key, addresses) -> perService.put(key, new Replicas(addresses, avoidFor, clock)));
        Map<String, Replicas> byRoute = new HashMap<>();
        replicatedRoutes.forEach((routeId, key) -> byRoute.put(routeId, perService.get(key)));
        return byRoute;
    }

    private static List<URI> addresses(Service service, String configured) {
        if (configured != null && !configured.isBlank() && !configured.equals(service.primary().url())) {
            return Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(URI::create).toList();
        }
        return service.instances().stream().map(Instance::url).map(URI::create).toList();
    }

    private static RouteDefinition definition(String id, URI uri, Route route) {
        RouteDefinition definition = new RouteDefinition();
        definition.setId(id);
        definition.setUri(uri);
        // The portal's route takes every path, so it is tried after all the others whatever the topology's order.
        definition.setOrder(route.isFallback() ? Ordered.LOWEST_PRECEDENCE : 0);
        List<PredicateDefinition> predicates = new ArrayList<>();
        predicates.add(new PredicateDefinition("Path=" + route.path()));
        if (route.isFallback()) {
            predicates.add(new PredicateDefinition(NotPathRoutePredicateFactory.NAME + "="
                    + String.join(",", Route.RESERVED)));
        }
        definition.setPredicates(predicates);
        return definition;
    }
}
