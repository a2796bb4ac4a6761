package ru.frmr.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Every object of every manifest in infra/deploy/k8s against the Kubernetes API's JSON schema of its kind (strict:
 * an unknown field fails, as with kubectl's strict field validation), offline, from the vendored schemas
 * (src/test/resources/schemas/README.md).
 */
class KubernetesSchemaTest {

    /** apiVersion/kind -> the OpenAPI definition of that object. */
    private static final Map<String, String> DEFINITIONS = Map.of(
            "apps/v1/Deployment", "io.k8s.api.apps.v1.Deployment",
            "v1/Service", "io.k8s.api.core.v1.Service",
            "v1/ConfigMap", "io.k8s.api.core.v1.ConfigMap",
            "v1/Secret", "io.k8s.api.core.v1.Secret",
            "v1/ServiceAccount", "io.k8s.api.core.v1.ServiceAccount",
            "v1/Namespace", "io.k8s.api.core.v1.Namespace",
            "autoscaling/v2/HorizontalPodAutoscaler", "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler",
            "policy/v1/PodDisruptionBudget", "io.k8s.api.policy.v1.PodDisruptionBudget",
            "networking.k8s.io/v1/NetworkPolicy", "io.k8s.api.networking.v1.NetworkPolicy",
            "networking.k8s.io/v1/Ingress", "io.k8s.api.networking.v1.Ingress");

    /**
     * One schema for every kind, compiled once (the definitions are many): the object's apiVersion and kind select the
     * definition it must match.
     */
    private static final JsonSchema SCHEMA = dispatchingSchema();

    static Stream<Path> manifests() throws IOException {
        try (Stream<Path> files = Files.list(DeployFiles.K8S)) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("manifests")
    void everyObjectMatchesItsKindsSchema(Path manifest) {
        List<JsonNode> objects = DeployFiles.documents(manifest);
        assertThat(objects).as(manifest + " holds objects").isNotEmpty();
        for (JsonNode object : objects) {
            String kind = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
            assertThat(DEFINITIONS).as(manifest + ": a schema for " + kind).containsKey(kind);
            Set<ValidationMessage> errors = SCHEMA.validate(object);
            assertThat(errors).as(manifest + ": " + kind + " " + object.path("metadata").path("name").asText())
                    .isEmpty();
        }
    }

    /** The check can fail: a misspelt field, a string where a number goes, a missing required field. */
    @Test
    void aBrokenDeploymentIsRefused() {
        JsonNode deployment = DeployFiles.documents(DeployFiles.K8S.resolve("registry-service.yaml")).stream()
                .filter(o -> o.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        ObjectNode misspelt = deployment.deepCopy();
        ((ObjectNode) misspelt.get("spec")).set("replica", misspelt.get("spec").get("replicas"));
        ObjectNode wrongType = deployment.deepCopy();
        ((ObjectNode) wrongType.get("spec")).put("replicas", "two");
        ObjectNode noTemplate = deployment.deepCopy();
        ((ObjectNode) noTemplate.get("spec")).remove("template");

        JsonSchema schema = SCHEMA;
        assertThat(schema.validate(deployment)).isEmpty();
        assertThat(schema.validate(misspelt)).extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("replica"));
        assertThat(schema.validate(wrongType)).isNotEmpty();
        assertThat(schema.validate(noTemplate)).extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("template"));
    }

    private static JsonSchema dispatchingSchema() {
        ObjectNode root = (ObjectNode) DeployFiles.resource("/schemas/kubernetes-strict.json");
        root.putArray("required").add("apiVersion").add("kind");
        ArrayNode cases = root.putArray("allOf");
        DEFINITIONS.forEach((kind, definition) -> {
            int slash = kind.lastIndexOf('/');
            ObjectNode when = cases.addObject();
            ObjectNode properties = when.putObject("if").putObject("properties");
            properties.putObject("apiVersion").put("const", kind.substring(0, slash));
            properties.putObject("kind").put("const", kind.substring(slash + 1));
            when.putObject("then").put("$ref", "#/definitions/" + definition);
        });
        return DeployFiles.schema(SpecVersion.VersionFlag.V7, root, true);
    }
}
