package ru.frmr.infra.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ru.frmr.infra.embedded.Ports;
import ru.frmr.infra.embedded.ServiceProcess;

/** Checks done before anything starts, so a half-started stack never has to be torn down for them. */
final class Preflight {

    private Preflight() {
    }

    /** The exec jar of every service, or one error naming all the modules that are not built yet. */
    static Map<ServiceSpec, Path> findJars(Path repoRoot, List<ServiceSpec> services) {
        Map<ServiceSpec, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ServiceSpec service : services) {
            try {
                jars.put(service, ServiceProcess.findExecJar(repoRoot, service.module()));
            } catch (IllegalStateException e) {
                // Replicas share their module's jar: name it once.
                if (!missing.contains(service.module())) {
                    missing.add(service.module());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new StartupException("No executable jar for " + String.join(", ", missing)
                    + " (expected <module>/target/<artifactId>-*-exec.jar under " + repoRoot.toAbsolutePath().normalize()
                    + "). Run ./mvnw -DskipTests package first, from the repository root.");
        }
        return jars;
    }

    /** Fails naming every port in use; binding the wildcard address also catches listeners on loopback only. */
    static void checkPortsFree(Map<String, Integer> portsByOwner) {
        List<String> busy = portsByOwner.entrySet().stream()
                .filter(e -> !Ports.isFree("0.0.0.0", e.getValue()))
                .map(e -> e.getValue() + " (" + e.getKey() + ")")
                .toList();
        if (!busy.isEmpty()) {
            throw new StartupException("Ports already in use: " + String.join(", ", busy)
                    + ". Is another local stack or a service from the IDE still running?");
        }
    }
}
