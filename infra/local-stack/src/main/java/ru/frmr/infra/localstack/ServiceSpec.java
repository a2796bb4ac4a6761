package ru.frmr.infra.localstack;

import java.util.List;

/** One service of the local stack: its module directory (also its artifactId) and its HTTP port. */
record ServiceSpec(String name, int port) {

    /** Start order; the gateway comes last because it fronts all the others. */
    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("registry-service", 8081),
            new ServiceSpec("employer-service", 8082),
            new ServiceSpec("documents-service", 8083),
            new ServiceSpec("notification-service", 8084),
            new ServiceSpec("auth-service", 8085),
            new ServiceSpec("audit-service", 8086),
            new ServiceSpec("gateway", 8080));

    /** Each service owns its database; Mongo database names cannot hold every character a module name can. */
    String database() {
        return name.replace('-', '_');
    }
}
