package ru.frmr.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The committed manifests in infra/deploy/k8s are {@link KubernetesManifests#files()}: fails when they differ.
 * {@code -Dfrmr.deploy.write-manifests=true} writes the generated ones instead (the command is in each file's header).
 */
class KubernetesManifestsTest {

    @Test
    void committedManifestsAreTheGeneratedOnes() throws IOException {
        Map<String, String> generated = KubernetesManifests.files();
        if (Boolean.getBoolean("frmr.deploy.write-manifests")) {
            KubernetesManifests.write(DeployFiles.K8S);
        }
        for (Map.Entry<String, String> file : generated.entrySet()) {
            assertThat(DeployFiles.read(DeployFiles.K8S.resolve(file.getKey())))
                    .as("infra/deploy/k8s/" + file.getKey() + " differs from KubernetesManifests; regenerate it "
                            + "with the command in its header")
                    .isEqualTo(file.getValue());
        }
    }

    /** Where kubectl is installed, its kustomize builds the directory: every object, in the namespace frmr. */
    @Test
    void kubectlBuildsTheKustomization() throws IOException, InterruptedException {
        Path kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "kubectl")).filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(kubectl != null, "kubectl is not installed: `kubectl kustomize` is not run");
        Process build = new ProcessBuilder(kubectl.toString(), "kustomize", DeployFiles.K8S.toString())
                .redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(build.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(build.exitValue()).as(output).isZero();

        List<String> kinds = output.lines().filter(l -> l.startsWith("kind: ")).toList();
        int objects = KubernetesManifests.files().entrySet().stream()
                .filter(f -> !f.getKey().equals("kustomization.yaml"))
                .mapToInt(f -> DeployFiles.documents(DeployFiles.K8S.resolve(f.getKey())).size()).sum();
        assertThat(kinds).hasSize(objects);
        assertThat(output.lines().filter(l -> l.trim().equals("namespace: " + KubernetesManifests.NAMESPACE)).count())
                .as("every namespaced object in " + KubernetesManifests.NAMESPACE).isEqualTo(kinds.size() - 1);
    }

    @Test
    void theKustomizationListsEveryManifestAndNothingElse() throws IOException {
        JsonNode kustomization = DeployFiles.document(DeployFiles.K8S.resolve("kustomization.yaml"));
        List<String> listed = Stream.of(DeployFiles.JSON.treeToValue(kustomization.get("resources"), String[].class))
                .toList();
        List<String> present;
        try (Stream<Path> files = Files.list(DeployFiles.K8S)) {
            present = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml")).sorted().toList();
        }

        assertThat(kustomization.get("kind").asText()).isEqualTo("Kustomization");
        assertThat(kustomization.get("namespace").asText()).isEqualTo(KubernetesManifests.NAMESPACE);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(present);
    }
}
