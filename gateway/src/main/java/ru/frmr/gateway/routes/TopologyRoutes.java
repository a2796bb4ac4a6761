package ru.frmr.gateway.routes;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
 * goes to the address configured as {@code frmr.gateway.services.<key>} when that is not the topology's own
 * (production: one address with its replicas behind it); otherwise to its instances, spread evenly by weight
 * when it has several (route ids {@code <id>-1}, {@code <id>-2}, ..., so each copy has its own breaker). The
 * gateway's default filters (the circuit breaker) apply to these routes like to any other.
 */
public final class TopologyRoutes implements RouteDefinitionLocator {

    private final List<RouteDefinition> routes;

    /** {@code configuredAddress} gives {@code frmr.gateway.services.<key>}, or null when it is not set. */
    public TopologyRoutes(Topology topology, Function<String, String> configuredAddress) {
        List<RouteDefinition> all = new ArrayList<>();
        for (Service service : topology.services()) {
            String configured = configuredAddress.apply(service.key());
            boolean elsewhere = configured != null && !configured.equals(service.primary().url());
            for (Route route : service.routes()) {
                if (elsewhere) {
                    all.add(definition(route.id(), URI.create(configured), route, null));
                } else if (service.instances().size() == 1) {
                    all.add(definition(route.id(), URI.create(service.primary().url()), route, null));
                } else {
                    for (int i = 0; i < service.instances().size(); i++) {
                        Instance instance = service.instances().get(i);
                        all.add(definition(route.id() + "-" + (i + 1), URI.create(instance.url()), route, route.id()));
                    }
                }
            }
        }
        this.routes = List.copyOf(all);
    }

    @Override
    public Flux<RouteDefinition> getRouteDefinitions() {
        return Flux.fromIterable(routes);
    }

    private static RouteDefinition definition(String id, URI uri, Route route, String weightGroup) {
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
        if (weightGroup != null) {
            predicates.add(new PredicateDefinition("Weight=" + weightGroup + ",1"));
        }
        definition.setPredicates(predicates);
        return definition;
    }
}
