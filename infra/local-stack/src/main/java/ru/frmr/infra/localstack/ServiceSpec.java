package ru.frmr.infra.localstack;

import java.nio.file.Path;
import java.util.List;

/**
 * One service of the local stack: its module directory, relative to the repository root, and its HTTP port. The
 * directory's last segment is the artifactId, and the service's name in logs and the port table.
 */
record ServiceSpec(String module, int port) {

    /**
     * Start order. The ESIA emulator comes first because auth-service sends browsers to it and calls its token
     * and person endpoints; the gateway comes last because it fronts all the others.
     */
    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("infra/esia-emulator", 8089),
            new ServiceSpec("registry-service", 8081),
            new ServiceSpec("employer-service", 8082),
            new ServiceSpec("documents-service", 8083),
            new ServiceSpec("notification-service", 8084),
            new ServiceSpec("auth-service", 8085),
            new ServiceSpec("audit-service", 8086),
            new ServiceSpec("gateway", 8080));

    String name() {
        return Path.of(module).getFileName().toString();
    }

    /** Each service owns its database; Mongo database names cannot hold every character a module name can. */
    String database() {
        return name().replace('-', '_');
    }
}
