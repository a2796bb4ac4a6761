package ru.frmr.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path dir;

    @Test
    void startsAServiceJarAndWaitsForReadiness() throws IOException {
        Path jar = fakeServiceJar();
        Path log = dir.resolve("logs/fake.log");
        int[] ports = Ports.pickFree(2);

        ServiceProcess service = ServiceProcess.start("fake", jar, ports[0], ports[1], "local", log,
                List.of("--extra=1"));
        try {
            service.awaitHealthy(Duration.ofSeconds(30));

            assertThat(service.isHealthy()).isTrue();
            assertThat(service.healthUrl())
                    .isEqualTo("http://127.0.0.1:" + ports[1] + "/actuator/health/readiness");
            assertThat(Files.readString(log)).contains("--server.port=" + ports[0] + " --server.address=127.0.0.1"
                    + " --management.server.port=" + ports[1] + " --management.server.address=127.0.0.1"
                    + " --spring.profiles.active=local --extra=1");
        } finally {
            service.stop();
        }
        assertThat(service.isAlive()).isFalse();
    }

    @Test
    void killEndsTheProcessAtOnce() throws IOException {
        int[] ports = Ports.pickFree(2);
        ServiceProcess service = ServiceProcess.start("fake", fakeServiceJar(), ports[0], ports[1], "local",
                dir.resolve("fake.log"), List.of());
        service.awaitHealthy(Duration.ofSeconds(30));

        service.kill();

        assertThat(service.isAlive()).isFalse();
        assertThat(service.isHealthy()).isFalse();
    }

    @Test
    void aDyingServiceFailsWithItsLogTail() throws IOException {
        Path log = dir.resolve("failing.log");
        Files.writeString(log, "output of an earlier run\n");

        int[] ports = Ports.pickFree(2);
        ServiceProcess service = ServiceProcess.start("failing", fakeServiceJar(), ports[0], ports[1], "local",
                log, List.of("--fail"));

        assertThatThrownBy(() -> service.awaitHealthy(Duration.ofSeconds(30)))
                .hasMessageContaining("failing exited with code 3")
                .hasMessageContaining("output of an earlier run")
                .hasMessageContaining("fake service refuses to start");
    }

    @Test
    void findsTheNewestExecJarOfAModule() throws IOException {
        Path target = Files.createDirectories(dir.resolve("registry-service/target"));
        Files.createFile(target.resolve("registry-service-0.1.0-SNAPSHOT.jar"));
        Path exec = Files.createFile(target.resolve("registry-service-0.1.0-SNAPSHOT-exec.jar"));

        assertThat(ServiceProcess.findExecJar(dir, "registry-service")).isEqualTo(exec);
    }

    @Test
    void aMissingJarNamesTheModuleAndTheBuildCommand() {
        assertThatThrownBy(() -> ServiceProcess.findExecJar(dir, "audit-service"))
                .hasMessageContaining("audit-service")
                .hasMessageContaining("./mvnw -DskipTests package");
    }

    private Path fakeServiceJar() throws IOException {
        Path jar = dir.resolve("fake-service.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream classFile = FakeService.class.getResourceAsStream("/" + entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
