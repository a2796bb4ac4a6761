package ru.frmr.auth.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import ru.frmr.infra.embedded.Ports;
import ru.frmr.infra.embedded.ServiceProcess;

/**
 * The real ESIA emulator ({@code infra/esia-emulator}), once per test JVM, as a child process from its
 * executable jar (failsafe passes its path in {@code frmr.esia-emulator.jar}). A process, not an in-process
 * context: the emulator must not see auth-service's classpath (Axon, Mongo, Kafka auto-configuration).
 */
final class EsiaEmulator {

    private static ServiceProcess process;

    private EsiaEmulator() {
    }

    static synchronized String baseUrl() {
        if (process == null) {
            String jar = System.getProperty("frmr.esia-emulator.jar");
            if (jar == null || jar.isBlank()) {
                throw new IllegalStateException("frmr.esia-emulator.jar is not set: run the ITs through Maven "
                        + "(failsafe), which resolves the emulator's executable jar");
            }
            int[] ports = Ports.pickFree(2);
            ServiceProcess started = ServiceProcess.start("esia-emulator", Path.of(jar), ports[0], ports[1], "default",
                    Path.of("target", "esia-emulator.log"), List.of());
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "esia-emulator-stop"));
            started.awaitHealthy(Duration.ofSeconds(120));
            process = started;
        }
        return process.url();
    }
}
