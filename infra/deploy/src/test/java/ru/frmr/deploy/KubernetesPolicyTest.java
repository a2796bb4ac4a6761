package ru.frmr.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ru.frmr.topology.Topology;

/**
 * What the schemas cannot say about the manifests: every deployed service of the topology runs twice or more with
 * probes on its management port, requests and limits, an autoscaler, a disruption budget and a network policy; only
 * the gateway is reachable from outside; secrets are referenced, never committed; images are pinned.
 */
class KubernetesPolicyTest {

    private static final List<JsonNode> OBJECTS = objects();

    @Test
    void everyDeployedServiceRunsTwiceWithProbesOnItsManagementPortAndResources() {
        assertThat(Deployables.all()).extracting(PlatformService::name)
                .containsExactlyInAnyOrderElementsOf(Topology.LOCAL.services().stream().map(s -> s.name())
                        .filter(n -> !Deployables.NOT_DEPLOYED.contains(n)).toList());
        for (PlatformService service : Deployables.all()) {
            JsonNode deployment = object("Deployment", service.name());
            JsonNode pod = deployment.at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");
            String name = service.name();

            assertThat(deployment.at("/spec/replicas").asInt()).as(name + " replicas").isGreaterThanOrEqualTo(2);
            assertThat(container.at("/ports").findValuesAsText("containerPort")).as(name + " ports")
                    .containsExactlyInAnyOrder(String.valueOf(service.port()),
                            String.valueOf(service.managementPort()));
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
            assertThat(container.at("/readinessProbe/httpGet/port").asInt()).as(name + " readiness port")
                    .isEqualTo(service.managementPort());
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
            assertThat(container.at("/livenessProbe/httpGet/port").asInt()).as(name + " liveness port")
                    .isEqualTo(service.managementPort());
            assertThat(container.at("/resources/requests/cpu").isMissingNode()).as(name + " cpu request").isFalse();
            assertThat(container.at("/resources/requests/memory").isMissingNode()).as(name + " memory request")
                    .isFalse();
            assertThat(container.at("/resources/limits/memory").isMissingNode()).as(name + " memory limit").isFalse();
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(name + " runAsNonRoot").isTrue();
            assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).as(name + " read-only root")
                    .isTrue();
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
            assertThat(deployment.at("/spec/selector/matchLabels"))
                    .isEqualTo(deployment.at("/spec/template/metadata/labels"));
        }
    }

    @Test
    void everyServiceThatChecksTokensFetchesTheKeysFromAuthServiceAndItsPoliciesLetItThrough() {
        String auth = "auth-service";
        int authPort = Topology.LOCAL.service(auth).primary().port();
        // The services behind the gateway check the platform's access tokens themselves (the service kit); auth-service
        // signs them, and the portal holds them for people without checking them.
        List<String> checking = Topology.LOCAL.services().stream()
                .filter(s -> !s.routes().isEmpty() && !s.name().equals(auth) && !s.name().equals("portal"))
                .map(s -> s.name()).toList();
        assertThat(checking).isNotEmpty();
        JsonNode authPolicy = object("NetworkPolicy", auth);
        for (String name : checking) {
            assertThat(object("ConfigMap", name + "-config").at("/data/" + Deployables.JWKS_URI).asText())
                    .as(name + " key set address").isEqualTo("http://" + auth + ":" + authPort + "/.well-known/jwks.json");
            assertThat(object("NetworkPolicy", name).at("/spec/egress").toString()).as(name + " may reach auth-service")
                    .contains("\"app.kubernetes.io/name\":\"" + auth + "\"");
            assertThat(authPolicy.at("/spec/ingress").toString()).as("auth-service accepts " + name)
                    .contains("\"app.kubernetes.io/name\":\"" + name + "\"");
        }
    }

    @Test
    void everyDeployedServiceHasAServiceAnAutoscalerADisruptionBudgetAndANetworkPolicy() {
        for (PlatformService service : Deployables.all()) {
            String name = service.name();
            JsonNode labels = object("Deployment", name).at("/spec/template/metadata/labels");

            JsonNode kubeService = object("Service", name);
            assertThat(kubeService.at("/spec/selector")).as(name + " Service selects its pods").isEqualTo(labels);
            assertThat(kubeService.at("/spec/ports").findValuesAsText("port")).as(name + " Service ports: the API only")
                    .containsExactly(String.valueOf(service.port()));

            JsonNode autoscaler = object("HorizontalPodAutoscaler", name);
            assertThat(autoscaler.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
            assertThat(autoscaler.at("/spec/scaleTargetRef/name").asText()).isEqualTo(name);
            assertThat(autoscaler.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(autoscaler.at("/spec/maxReplicas").asInt())
                    .isGreaterThan(autoscaler.at("/spec/minReplicas").asInt());

            JsonNode budget = object("PodDisruptionBudget", name);
            assertThat(budget.at("/spec/selector/matchLabels")).as(name + " PDB selects its pods").isEqualTo(labels);
            assertThat(budget.at("/spec/minAvailable").asInt()).isGreaterThanOrEqualTo(1);

            JsonNode policy = object("NetworkPolicy", name);
            assertThat(policy.at("/spec/podSelector/matchLabels")).as(name + " policy selects its pods")
                    .isEqualTo(labels);
            assertThat(policy.at("/spec/policyTypes").toString()).contains("Ingress", "Egress");
            assertThat(ingressPorts(policy)).as(name + ": Prometheus reaches the management port")
                    .contains(service.managementPort());
            if (service.database() != null) {
                assertThat(policy.at("/spec/egress").toString()).as(name + " reaches MongoDB").contains("27017");
            }
            if (service.usesKafka()) {
                assertThat(policy.at("/spec/egress").toString()).as(name + " reaches Kafka").contains("9092");
            }
        }
    }

    @Test
    void everythingIsDeniedUnlessAllowedAndOnlyTheGatewayIsReachableFromOutside() {
        JsonNode deny = object("NetworkPolicy", "default-deny");
        assertThat(deny.at("/spec/podSelector").size()).as("selects every pod").isZero();
        assertThat(deny.at("/spec/policyTypes").toString()).contains("Ingress", "Egress");
        assertThat(deny.at("/spec/ingress").isMissingNode() && deny.at("/spec/egress").isMissingNode()).isTrue();

        List<JsonNode> ingresses = OBJECTS.stream().filter(o -> o.path("kind").asText().equals("Ingress")).toList();
        assertThat(ingresses).isNotEmpty();
        for (JsonNode ingress : ingresses) {
            List<JsonNode> backends = ingress.at("/spec/rules").findValues("backend");
            assertThat(backends).isNotEmpty();
            assertThat(ingress.at("/spec/defaultBackend").isMissingNode()).isTrue();
            for (JsonNode backend : backends) {
                assertThat(backend.at("/service/name").asText()).as("Ingress backend").isEqualTo(Topology.GATEWAY);
                assertThat(backend.at("/service/port/number").asInt())
                        .isEqualTo(Topology.LOCAL.service(Topology.GATEWAY).primary().port());
            }
        }
        for (PlatformService service : Deployables.all()) {
            JsonNode from = object("NetworkPolicy", service.name()).at("/spec/ingress");
            if (service.name().equals(Topology.GATEWAY)) {
                assertThat(from.toString()).contains(KubernetesManifests.INGRESS_NAMESPACE);
            } else {
                assertThat(from.toString()).as(service.name() + " is reached by the gateway and Prometheus only")
                        .doesNotContain(KubernetesManifests.INGRESS_NAMESPACE).doesNotContain("ipBlock");
                // ... and auth-service also by the services that fetch its token signing keys.
                List<String> allowed = new ArrayList<>(List.of(Topology.GATEWAY, "prometheus"));
                if (service.name().equals("auth-service")) {
                    Deployables.all().stream().filter(s -> s.settings().containsKey(Deployables.JWKS_URI))
                            .forEach(s -> allowed.add(s.name()));
                }
                assertThat(from.findValuesAsText("app.kubernetes.io/name")).containsOnlyElementsOf(allowed);
            }
        }
        assertThat(OBJECTS).filteredOn(o -> o.path("kind").asText().equals("Service"))
                .allSatisfy(s -> assertThat(s.at("/spec/type").asText("ClusterIP")).isEqualTo("ClusterIP"));
    }

    @Test
    void secretsAreReferencedNeverCommitted() {
        assertThat(OBJECTS).filteredOn(o -> o.path("kind").asText().equals("Secret")).as("no Secret objects")
                .isEmpty();
        for (JsonNode object : OBJECTS) {
            if (object.path("kind").asText().equals("ConfigMap")) {
                object.path("data").properties().forEach(e -> assertThat(looksLikeASecretLiteral(e.getKey(),
                        e.getValue().asText())).as("ConfigMap " + object.at("/metadata/name").asText() + " "
                        + e.getKey()).isFalse());
            }
            for (JsonNode env : object.findValues("env")) {
                for (JsonNode variable : env) {
                    assertThat(looksLikeASecretLiteral(variable.path("name").asText(), variable.path("value").asText()))
                            .as(variable.toString()).isFalse();
                }
            }
        }
        for (PlatformService service : Deployables.all()) {
            JsonNode container = object("Deployment", service.name()).at("/spec/template/spec/containers/0");
            for (String secret : service.secrets()) {
                JsonNode reference = findEnv(container, secret).path("valueFrom").path("secretKeyRef");
                assertThat(reference.path("name").asText()).as(service.name() + " " + secret)
                        .isEqualTo(service.name() + "-secrets");
                assertThat(reference.path("key").asText()).isEqualTo(secret);
            }
        }
        KubernetesManifests.files().forEach((file, content) -> assertThat(content)
                .as(file + ": the development keys of the local and test profiles are never used")
                .doesNotContainPattern(DeploymentRules.DEVELOPMENT_PROFILE).doesNotContain("dev-keys"));
        String readme = DeployFiles.read(DeployFiles.K8S.resolve("README.md"));
        for (PlatformService service : Deployables.all()) {
            service.secrets().forEach(s -> assertThat(readme).as("README names " + s).contains(s));
            service.keyFiles().values().forEach(f -> assertThat(readme).as("README names " + f).contains(f));
            if (!service.secrets().isEmpty()) {
                assertThat(readme).contains(service.name() + "-secrets");
            }
            if (!service.keyFiles().isEmpty()) {
                assertThat(readme).contains(service.name() + "-keys");
            }
        }
    }

    /**
     * Every placeholder without a default in a service's application.yml (outside its profile documents) is given to
     * that service by the deployment: a Secret key, a key file, a setting or a public address.
     */
    @Test
    void everySettingAServiceRequiresIsGiven() {
        Pattern required = Pattern.compile("\\$\\{(FRMR_[A-Z0-9_]+)}");
        Set<String> found = new java.util.HashSet<>();
        for (PlatformService service : Deployables.all()) {
            String yaml = DeployFiles.read(DeployFiles.REPOSITORY.resolve(service.service().module())
                    .resolve("src/main/resources/application.yml"));
            String defaultDocument = yaml.split("(?m)^---$")[0];
            Set<String> given = new java.util.HashSet<>(service.secrets());
            given.addAll(service.keyFiles().keySet());
            given.addAll(service.settings().keySet());
            given.addAll(service.publicUrls().keySet());
            Matcher m = required.matcher(defaultDocument);
            while (m.find()) {
                found.add(m.group(1));
                assertThat(given).as(service.name() + " requires " + m.group(1)).contains(m.group(1));
            }
        }
        assertThat(found).as("the check reads the services' settings").contains("FRMR_AUTH_CODE_PEPPER",
                "FRMR_AUDIT_CHECKPOINT_KEY", "FRMR_DOCUMENTS_SIGNING_KEY", "FRMR_ESIA_CLIENT_KEY");
    }

    @Test
    void imagesArePinned() {
        List<String> images = OBJECTS.stream().flatMap(o -> o.findValuesAsText("image").stream()).toList();
        assertThat(images).hasSize(Deployables.all().size());
        assertThat(images).allSatisfy(DeploymentRules::assertPinned);
    }

    static boolean looksLikeASecretLiteral(String name, String value) {
        return DeployFiles.SECRET_NAME.matcher(name).matches() && !value.isEmpty() && !value.startsWith("file:")
                && !value.startsWith("/run/secrets/") && !value.contains("${") && !value.contains("$(");
    }

    private static JsonNode findEnv(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        throw new AssertionError(container.path("name").asText() + " has no environment variable " + name);
    }

    private static List<Integer> ingressPorts(JsonNode policy) {
        return policy.at("/spec/ingress").findValues("port").stream().map(JsonNode::asInt).toList();
    }

    private static JsonNode object(String kind, String name) {
        return OBJECTS.stream()
                .filter(o -> o.path("kind").asText().equals(kind) && o.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in infra/deploy/k8s"));
    }

    private static List<JsonNode> objects() {
        List<JsonNode> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(DeployFiles.K8S)) {
            files.filter(f -> f.toString().endsWith(".yaml")).sorted()
                    .forEach(f -> all.addAll(DeployFiles.documents(f)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return all;
    }
}
