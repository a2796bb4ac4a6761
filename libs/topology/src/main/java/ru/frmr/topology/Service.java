package ru.frmr.topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One service of the platform.
 *
 * @param name      the artifactId, and the name in logs, metrics ({@code service=<name>}) and the port table
 * @param module    its Maven module directory, relative to the repository root
 * @param summary   one line for the README's port table
 * @param routes    what the gateway sends to it; none for services the gateway does not front
 * @param instances its running copies; a second replica is one more instance
 */
public record Service(String name, String module, String summary, List<Route> routes, List<Instance> instances) {

    public Service {
        if (name == null || !name.equals(Path.of(module).getFileName().toString())) {
            throw new IllegalArgumentException("the name must be the module's last segment: " + name + ", " + module);
        }
        routes = List.copyOf(routes);
        instances = List.copyOf(instances);
        if (instances.isEmpty()) {
            throw new IllegalArgumentException(name + " needs at least one instance");
        }
    }

    /** The same service with one more running copy. */
    public Service withReplica(Instance replica) {
        List<Instance> more = new ArrayList<>(instances);
        more.add(replica);
        return new Service(name, module, summary, routes, more);
    }

    /**
     * The key of the gateway's override of this service's address in production
     * ({@code frmr.gateway.services.<key>}): the name without its {@code -service} suffix.
     */
    public String key() {
        return name.endsWith("-service") ? name.substring(0, name.length() - "-service".length()) : name;
    }

    /** The first instance: the one the gateway, tests and tools reach when one copy is enough. */
    public Instance primary() {
        return instances.get(0);
    }

    /**
     * How an instance is told apart in logs and process lists: the first copy is the service's name, the
     * following ones add their number ({@code registry-service-2}).
     */
    public String instanceName(int index) {
        return index == 0 ? name : name + "-" + (index + 1);
    }
}
