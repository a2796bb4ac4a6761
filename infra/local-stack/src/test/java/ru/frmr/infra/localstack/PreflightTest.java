package ru.frmr.infra.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {

    @TempDir
    Path repoRoot;

    @Test
    void missingJarsAreNamedWithTheBuildCommand() throws IOException {
        Path target = Files.createDirectories(repoRoot.resolve("registry-service/target"));
        Files.createFile(target.resolve("registry-service-0.1.0-SNAPSHOT-exec.jar"));

        assertThatThrownBy(() -> Preflight.findJars(repoRoot, ServiceSpec.ALL))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("infra/esia-emulator, employer-service, documents-service")
                .hasMessageContaining("gateway")
                .hasMessageNotContaining("registry-service,")
                .hasMessageContaining("./mvnw -DskipTests package");
    }

    @Test
    void findsEveryBuiltJar() throws IOException {
        ServiceSpec registry = new ServiceSpec("registry-service", "registry-service", 8081, 9081);
        Path target = Files.createDirectories(repoRoot.resolve("registry-service/target"));
        Path jar = Files.createFile(target.resolve("registry-service-0.1.0-SNAPSHOT-exec.jar"));

        assertThat(Preflight.findJars(repoRoot, List.of(registry))).containsEntry(registry, jar);
    }

    @Test
    void findsAJarOfAModuleBelowInfra() throws IOException {
        ServiceSpec emulator = new ServiceSpec("esia-emulator", "infra/esia-emulator", 8089, 9089);
        Path target = Files.createDirectories(repoRoot.resolve("infra/esia-emulator/target"));
        Path jar = Files.createFile(target.resolve("esia-emulator-0.1.0-SNAPSHOT-exec.jar"));

        assertThat(Preflight.findJars(repoRoot, List.of(emulator))).containsEntry(emulator, jar);
    }

    @Test
    void aBusyPortIsNamedWithItsOwner() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Preflight.checkPortsFree(Map.of("Kafka", taken.getLocalPort())))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining(taken.getLocalPort() + " (Kafka)");
        }
    }
}
