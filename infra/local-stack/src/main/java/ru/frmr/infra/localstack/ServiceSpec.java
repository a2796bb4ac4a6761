package ru.frmr.infra.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ru.frmr.topology.Instance;
import ru.frmr.topology.Service;
import ru.frmr.topology.Topology;

/**
 * One process the local stack launches: an instance of a service of the {@link Topology}, with the module it is
 * built in (relative to the repository root) and its ports. Replicas of one service share its database.
 */
record ServiceSpec(String name, String module, int port, int managementPort) {

    static final List<ServiceSpec> ALL = launchOrder(Topology.LOCAL);

    /** Every instance of every service, in the topology's start order, a service's replicas side by side. */
    static List<ServiceSpec> launchOrder(Topology topology) {
        List<ServiceSpec> specs = new ArrayList<>();
        for (Service service : topology.services()) {
            for (int i = 0; i < service.instances().size(); i++) {
                Instance instance = service.instances().get(i);
                specs.add(new ServiceSpec(service.instanceName(i), service.module(), instance.port(),
                        instance.managementPort()));
            }
        }
        return List.copyOf(specs);
    }

    /** Each service owns its database; Mongo database names cannot hold every character a module name can. */
    String database() {
        return Path.of(module).getFileName().toString().replace('-', '_');
    }
}
