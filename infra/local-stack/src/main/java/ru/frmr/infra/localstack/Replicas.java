package ru.frmr.infra.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ru.frmr.topology.Instance;
import ru.frmr.topology.Service;
import ru.frmr.topology.Topology;

/**
 * The local topology with the extra copies {@code --replicas} asks for, and how the gateway learns of them. Copy
 * k of a service (k = 2, 3, ...) listens on the first copy's port and management port plus 100 * (k - 1):
 * registry-service-2 on 8181 and 9181. Copies share the service's database and Kafka consumer groups (Axon's
 * tracking processors split the event stream between them by token claims).
 */
final class Replicas {

    static final int PORT_STEP = 100;

    private Replicas() {
    }

    /** {@code base} with {@code counts.get(name) - 1} more instances of each named service. */
    static Topology apply(Topology base, Map<String, Integer> counts) {
        Topology topology = base;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            Service service = find(base, entry.getKey());
            Instance first = service.primary();
            for (int k = 2; k <= entry.getValue(); k++) {
                int offset = PORT_STEP * (k - 1);
                topology = topology.withReplica(service.name(),
                        new Instance(first.port() + offset, first.managementPort() + offset));
            }
        }
        return topology;
    }

    /**
     * The gateway's {@code frmr.gateway.services.<key>} arguments for every service of {@code topology} that has
     * more than one instance: all of their addresses, so the gateway spreads requests over them.
     */
    static List<String> gatewayArguments(Topology topology) {
        List<String> args = new ArrayList<>();
        for (Service service : topology.services()) {
            if (service.instances().size() > 1) {
                args.add("--frmr.gateway.services." + service.key() + "="
                        + service.instances().stream().map(Instance::url).collect(Collectors.joining(",")));
            }
        }
        return args;
    }

    private static Service find(Topology base, String name) {
        Service service = base.services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--replicas: no service " + name + "; known: "
                        + base.services().stream().filter(s -> !s.routes().isEmpty()).map(Service::name).toList()));
        if (service.routes().isEmpty()) {
            // Only what the gateway fronts can be balanced: nothing else would reach the other copies.
            throw new IllegalArgumentException("--replicas: " + name + " is not behind the gateway");
        }
        return service;
    }
}
