package ru.frmr.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;

import ru.frmr.contracts.Topics;
import ru.frmr.topology.Topology;

/**
 * infra/deploy/compose: the file against the Compose specification's JSON schema (offline, vendored), and what the
 * schema cannot say: three KRaft brokers of the services' Kafka version with the platform's topics replicated three
 * times, a three-member MongoDB replica set, every service twice with a readiness check on its management port,
 * Prometheus and Grafana from infra/observability, secrets only as files, images pinned.
 */
class ComposeFileTest {

    private static final JsonNode COMPOSE = DeployFiles.document(DeployFiles.COMPOSE.resolve("compose.yaml"));
    private static final JsonNode SERVICES = COMPOSE.get("services");

    @Test
    void theFileMatchesTheComposeSpecification() {
        // Compose's durations ("10s") are Go durations, not the ISO 8601 ones the schema's format "duration" means:
        // formats are not asserted, the structure is.
        JsonSchema schema = DeployFiles.schema(SpecVersion.VersionFlag.V201909,
                withoutLegacyIds(DeployFiles.resource("/schemas/compose-spec.json")), false);

        assertThat(schema.validate(COMPOSE)).isEmpty();

        ObjectNode misspelt = COMPOSE.deepCopy();
        ((ObjectNode) misspelt.get("services").get("gateway")).set("deplyo", misspelt.at("/services/gateway/deploy"));
        assertThat(schema.validate(misspelt)).as("the check can fail").isNotEmpty();
    }

    @Test
    void threeKraftBrokersOfTheServicesKafkaVersionWithTheTopicsReplicatedThreeTimes() {
        List<String> brokers = names(s -> s.path("environment").has("KAFKA_PROCESS_ROLES"));
        assertThat(brokers).hasSize(3);
        Set<String> nodeIds = new HashSet<>();
        for (String broker : brokers) {
            JsonNode service = SERVICES.get(broker);
            JsonNode env = service.get("environment");
            assertThat(service.get("image").asText()).as(broker + ": the Kafka version of kafka-clients")
                    .isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
            assertThat(env.get("KAFKA_PROCESS_ROLES").asText()).contains("controller");
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").asText().split(",")).hasSize(3);
            assertThat(env.get("KAFKA_MIN_INSYNC_REPLICAS").asText()).isEqualTo("2");
            assertThat(env.get("KAFKA_DEFAULT_REPLICATION_FACTOR").asText()).isEqualTo("3");
            assertThat(env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
            nodeIds.add(env.get("KAFKA_NODE_ID").asText());
        }
        assertThat(nodeIds).hasSize(3);

        JsonNode init = SERVICES.get("kafka-init");
        assertThat(fieldNames(init.get("depends_on"))).containsExactlyInAnyOrderElementsOf(brokers);
        String script = DeployFiles.read(DeployFiles.COMPOSE.resolve("kafka/create-topics.sh"));
        assertThat(script).contains("--replication-factor 3", "min.insync.replicas=2");
        Set<String> expected = new HashSet<>();
        List<String> topics = new ArrayList<>(Topics.ALL_EVENT_TOPICS);
        topics.add(Topics.AUDIT_ALERTS);
        topics.forEach(t -> {
            expected.add(t);
            expected.add(Topics.deadLetterOf(t));
        });
        expected.add(Topics.AUDIT_CHECKPOINTS);
        // Topics named one by one (create frmr.x ...), and those of the loop, each with its dead-letter topic.
        Set<String> created = new HashSet<>();
        Matcher single = Pattern.compile("(?m)^create (frmr\\.[a-z.]+) ").matcher(script);
        while (single.find()) {
            created.add(single.group(1));
        }
        Matcher loop = Pattern.compile("for topic in ([^;]+);").matcher(script);
        assertThat(loop.find()).isTrue();
        assertThat(script).contains("create \"$topic\" ", "create \"$topic.dlt\" ");
        for (String topic : loop.group(1).replace("\\", " ").trim().split("\\s+")) {
            created.add(topic);
            created.add(Topics.deadLetterOf(topic));
        }
        assertThat(created).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aThreeMemberMongoReplicaSetFormedByItsInit() {
        List<String> members = names(s -> s.path("entrypoint").toString().contains("--replSet rs0"));
        assertThat(members).hasSize(3);
        members.forEach(m -> {
            assertThat(SERVICES.get(m).get("image").asText()).startsWith("mongo:");
            assertThat(SERVICES.get(m).path("healthcheck").isMissingNode()).isFalse();
        });
        assertThat(fieldNames(SERVICES.get("mongo-init").get("depends_on")))
                .containsExactlyInAnyOrderElementsOf(members);
        String init = DeployFiles.read(DeployFiles.COMPOSE.resolve("mongo/init-replica-set.js"));
        members.forEach(m -> assertThat(init).contains("'" + m + ":27017'"));
        for (PlatformService service : Deployables.all()) {
            if (service.database() != null) {
                assertThat(init).as("the services' user may use " + service.database())
                        .contains("'" + service.database() + "'");
            }
        }
    }

    @Test
    void everyServiceRunsTwiceReadyOnItsManagementPort() {
        for (PlatformService service : Deployables.all()) {
            JsonNode s = SERVICES.get(service.name());
            assertThat(s).as("compose service " + service.name()).isNotNull();
            assertThat(s.at("/deploy/replicas").asInt()).as(service.name() + " replicas").isEqualTo(2);
            assertThat(s.at("/build/args/MODULE").asText()).isEqualTo(service.service().module());
            assertThat(s.at("/build/args/NAME").asText()).isEqualTo(service.name());
            assertThat(s.at("/healthcheck/test").toString()).as(service.name() + " readiness check")
                    .contains("/dev/tcp/127.0.0.1/" + service.managementPort() + " ")
                    .contains("/actuator/health/readiness");
            if (service.database() != null) {
                assertThat(s.at("/environment/SPRING_DATA_MONGODB_URI").asText())
                        .contains("${MONGO_APP_PASSWORD}@", "/" + service.database() + "?", "replicaSet=rs0");
            }
        }
        JsonNode gateway = SERVICES.get(Topology.GATEWAY).get("environment");
        Deployables.all().stream().filter(d -> d.name().equals(Topology.GATEWAY)).findFirst().orElseThrow()
                .settings().forEach((name, value) -> {
                    if (name.startsWith("FRMR_GATEWAY_SERVICES_")) {
                        assertThat(gateway.path(name).asText()).as(name).isEqualTo(value);
                    }
                });
    }

    /** What each service refuses to start without is given to it: a secret file, a key file, a setting. */
    @Test
    void everyServiceGetsWhatItRequires() {
        String platformEnv = DeployFiles.read(DeployFiles.COMPOSE.resolve("config/platform.env"));
        for (PlatformService service : Deployables.all()) {
            JsonNode s = SERVICES.get(service.name());
            Set<String> secretTargets = new HashSet<>(s.path("secrets").findValuesAsText("target"));
            Set<String> environment = fieldNames(s.path("environment")).stream().collect(Collectors.toSet());
            for (String secret : service.secrets()) {
                if (!secret.equals(Deployables.MONGO_URI)) {
                    assertThat(secretTargets).as(service.name() + " gets the secret " + secret).contains(secret);
                }
            }
            service.keyFiles().forEach((variable, file) -> {
                assertThat(s.at("/environment/" + variable).asText()).isEqualTo("file:/run/secrets/" + file);
                assertThat(secretTargets).contains(file);
            });
            for (String name : service.settings().keySet()) {
                assertThat(environment.contains(name) || platformEnv.contains(name + "="))
                        .as(service.name() + " gets " + name).isTrue();
            }
            service.publicUrls().keySet().forEach(name -> assertThat(environment).as(service.name()).contains(name));
        }
    }

    @Test
    void secretsAreFilesOutsideTheRepositoryAndNoValueIsALiteralSecret() {
        JsonNode secrets = COMPOSE.get("secrets");
        String example = DeployFiles.read(DeployFiles.COMPOSE.resolve(".env.example"));
        String generator = DeployFiles.read(DeployFiles.COMPOSE.resolve("secrets.sh"));
        String ignored = DeployFiles.read(DeployFiles.COMPOSE.resolve(".gitignore"));
        assertThat(ignored).contains("/secrets/", "/.env");
        for (Map.Entry<String, JsonNode> secret : secrets.properties()) {
            String file = secret.getValue().path("file").asText();
            assertThat(file).as(secret.getKey()).startsWith("./secrets/");
            String name = file.substring("./secrets/".length());
            assertThat(example).as(".env.example names " + name).contains(name);
            assertThat(generator).as("secrets.sh knows " + name).contains(name);
        }
        String everything = DeployFiles.read(DeployFiles.COMPOSE.resolve("compose.yaml"))
                + DeployFiles.read(DeployFiles.COMPOSE.resolve("config/platform.env"));
        assertThat(everything).as("the development keys of the local and test profiles are never used")
                .doesNotContainPattern(DeploymentRules.DEVELOPMENT_PROFILE).doesNotContain("dev-keys");
        for (Map.Entry<String, JsonNode> service : SERVICES.properties()) {
            service.getValue().path("environment").properties().forEach(e -> assertThat(
                    KubernetesPolicyTest.looksLikeASecretLiteral(e.getKey(), e.getValue().asText()))
                    .as(service.getKey() + " " + e.getKey()).isFalse());
        }
        DeployFiles.read(DeployFiles.COMPOSE.resolve("config/platform.env")).lines()
                .filter(l -> l.contains("=") && !l.startsWith("#"))
                .forEach(l -> assertThat(KubernetesPolicyTest.looksLikeASecretLiteral(l.substring(0, l.indexOf('=')),
                        l.substring(l.indexOf('=') + 1))).as(l).isFalse());
        example.lines().filter(l -> l.matches("[A-Z_]+=.*")).forEach(l -> assertThat(
                KubernetesPolicyTest.looksLikeASecretLiteral(l.substring(0, l.indexOf('=')),
                        l.substring(l.indexOf('=') + 1)))
                .as(".env.example " + l).isFalse());
    }

    @Test
    void prometheusAndGrafanaComeFromInfraObservability() {
        JsonNode prometheus = SERVICES.get("prometheus");
        JsonNode grafana = SERVICES.get("grafana");
        assertThat(prometheus.get("volumes").toString()).contains("../../observability/rules:/etc/prometheus/rules:ro");
        assertThat(grafana.get("volumes").toString()).contains(
                "../../observability/grafana/provisioning:/etc/grafana/provisioning:ro",
                "../../observability/grafana/dashboards:/var/lib/grafana/dashboards/frmr:ro");
        assertThat(grafana.at("/environment/FRMR_PROMETHEUS_URL").asText()).isEqualTo("http://prometheus:9090");

        JsonNode config = DeployFiles.document(DeployFiles.COMPOSE.resolve("prometheus/prometheus.yml"));
        Set<String> targets = new HashSet<>();
        for (JsonNode sd : config.at("/scrape_configs/0/dns_sd_configs")) {
            sd.get("names").forEach(n -> targets.add(n.asText() + ":" + sd.get("port").asInt()));
        }
        assertThat(targets).containsExactlyInAnyOrderElementsOf(Deployables.all().stream()
                .map(s -> s.name() + ":" + s.managementPort()).toList());
        assertThat(config.at("/scrape_configs/0/metrics_path").asText()).isEqualTo("/actuator/prometheus");
    }

    @Test
    void onlyTheGatewayTheBrokersSubscriberListenersAndLoopbackToolsArePublished() {
        for (String name : names(s -> s.has("ports"))) {
            List<String> ports = new ArrayList<>();
            SERVICES.get(name).get("ports").forEach(p -> ports.add(p.asText()));
            if (name.equals(Topology.GATEWAY)) {
                assertThat(ports)
                        .containsExactly("8080-8081:" + Topology.LOCAL.service(Topology.GATEWAY).primary().port());
            } else if (name.startsWith("kafka-")) {
                assertThat(ports).allSatisfy(p -> assertThat(p).matches("[1-3]9094:[1-3]9094"));
            } else {
                assertThat(name).isIn("prometheus", "grafana");
                assertThat(ports).allSatisfy(p -> assertThat(p).startsWith("127.0.0.1:"));
            }
        }
    }

    @Test
    void imagesArePinned() {
        List<String> images = new ArrayList<>();
        SERVICES.forEach(s -> images.add(s.path("image").asText()));
        assertThat(images).doesNotContain("");
        images.stream().map(i -> i.replaceAll("\\$\\{[A-Z_]+:-([^}]+)}", "$1")).forEach(DeploymentRules::assertPinned);

        // The services' images are built from one Dockerfile on a pinned base, from the repository root.
        for (PlatformService service : Deployables.all()) {
            JsonNode build = SERVICES.get(service.name()).get("build");
            assertThat(DeployFiles.COMPOSE.resolve(build.get("context").asText()).resolve(build.get("dockerfile")
                    .asText()).normalize()).as(service.name() + " Dockerfile").exists();
        }
        List<String> bases = DeployFiles.read(DeployFiles.MODULE.resolve("docker/Dockerfile")).lines()
                .filter(l -> l.startsWith("FROM ")).map(l -> l.substring("FROM ".length()).trim()).toList();
        assertThat(bases).hasSize(1).allSatisfy(DeploymentRules::assertPinned);
        assertThat(bases.get(0)).startsWith("eclipse-temurin:17");
    }

    /**
     * The schema still carries draft-04 style {@code "id": "#/definitions/service"} annotations, which draft 2019-09
     * does not define (its keyword is {@code $id}) and the validator refuses as unknown; they name nothing a
     * reference uses, so they are dropped.
     */
    private static JsonNode withoutLegacyIds(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode id = object.get("id");
            if (id != null && id.isTextual()) {
                object.remove("id");
            }
            object.properties().forEach(e -> withoutLegacyIds(e.getValue()));
        } else if (node.isArray()) {
            node.forEach(ComposeFileTest::withoutLegacyIds);
        }
        return node;
    }

    private static List<String> names(java.util.function.Predicate<JsonNode> which) {
        List<String> names = new ArrayList<>();
        SERVICES.properties().forEach(e -> {
            if (which.test(e.getValue())) {
                names.add(e.getKey());
            }
        });
        return names;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
