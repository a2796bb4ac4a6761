package ru.frmr.employer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.springframework.test.context.DynamicPropertyRegistry;

import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.registry.WorkerRegistered;
import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;
import ru.frmr.kit.relay.CloudEventRecords;

/**
 * The employer-service as its callers use it, for integration tests: context properties for the shared test
 * infrastructure, tokens, HTTP calls, waits for read models, and the Kafka side (the registry's events in, the
 * employer's events out).
 */
public final class EmployerClient {

    public static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final URI REGISTRY = URI.create("/frmr/registry-service");

    private final String base;

    public EmployerClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static void useSharedInfra(DynamicPropertyRegistry registry, String database) {
        SharedTestInfra infra = SharedTestInfra.get();
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> infra.mongoUri(database));
        registry.add("frmr.security.jwks-uri", ISSUER::jwksUri);
    }

    // --- tokens ---

    public static String hr(String organizationId) {
        return ISSUER.mint(TestToken.withRoles("EMPLOYER_HR").withOrgId(organizationId).validFor(Duration.ofHours(1)),
                Map.of("org_basis", "ADMIN"));
    }

    public static String worker(String workerId) {
        return ISSUER.mint(TestToken.worker(workerId).validFor(Duration.ofHours(1)));
    }

    // --- HTTP ---

    public HttpResponse<String> get(String token, String path) {
        return send(token, "GET", path, null);
    }

    public HttpResponse<String> post(String token, String path, String json) {
        return send(token, "POST", path, json);
    }

    public HttpResponse<byte[]> getBytes(String token, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String token, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts the status and returns the body as JSON. */
    public static JsonNode expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body().isEmpty() ? null : json(response);
    }

    /** Asserts a problem+json answer with this status whose field list (or detail) names {@code field}. */
    public static void expectProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        boolean named = problem.path("errors").findValuesAsText("field").contains(field)
                || problem.path("detail").asText().startsWith(field + ":");
        assertThat(named).as("problem names " + field + ": " + response.body()).isTrue();
    }

    /** Waits until GET {@code path} answers 200 with a body {@code condition} accepts; returns that body. */
    public JsonNode await(String token, String path, Predicate<JsonNode> condition) {
        List<JsonNode> seen = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> response = get(token, path);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(condition.test(body)).as(path + " " + response.body()).isTrue();
            seen.add(body);
        });
        return seen.get(seen.size() - 1);
    }

    // --- the link, the hire ---

    /** HR asks, the worker accepts; returns the request id. */
    public String link(String organizationId, String workerId) {
        JsonNode created = expect(post(hr(organizationId), "/api/employer/organizations/" + organizationId
                + "/link-requests", "{\"workerId\":\"" + workerId + "\"}"), 201);
        String requestId = created.get("requestId").asText();
        expect(post(worker(workerId), "/api/employer/organizations/" + organizationId + "/workers/" + workerId
                + "/link-requests/" + requestId + "/accept", ""), 204);
        return requestId;
    }

    /** Records a hire; returns the employment id. */
    public String hire(String organizationId, String workerId, String positionCode, String department, String rate,
                       String contractKind, String startDate) {
        String body = "{\"positionCode\":\"" + positionCode + "\",\"department\":"
                + (department == null ? "null" : "\"" + department + "\"") + ",\"rate\":" + rate
                + ",\"contractKind\":\"" + contractKind + "\",\"contractNumber\":\"ТД-" + UUID.randomUUID()
                .toString().substring(0, 8) + "\",\"contractDate\":\"" + startDate + "\",\"startDate\":\""
                + startDate + "\"}";
        return expect(post(hr(organizationId), employments(organizationId, workerId), body), 201)
                .get("employmentId").asText();
    }

    public static String employments(String organizationId, String workerId) {
        return "/api/employer/organizations/" + organizationId + "/workers/" + workerId + "/employments";
    }

    // --- Kafka ---

    /** Publishes {@code WorkerRegistered} as the registry would, under {@code eventId}. */
    public static void workerRegistered(String eventId, String workerId, String lastName, String firstName,
                                        String middleName) {
        publish(Topics.REGISTRY_EVENTS, eventId, new WorkerRegistered(workerId, lastName, firstName, middleName,
                Instant.now()));
    }

    public static void publish(String topic, String eventId, IntegrationEvent event) {
        CloudEvent ce = CloudEventRecords.cloudEvent(eventId, REGISTRY, EventCatalog.of(event.getClass()), event,
                Instant.now(), Map.of(CloudEventRecords.ACTOR, "account:registry-admin"));
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedTestInfra.get().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(CloudEventRecords.record(topic, ce)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A consumer of {@code topics} from their beginning, in a group of its own. */
    public static KafkaConsumer<String, byte[]> subscribe(String... topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.get().kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "employer-it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics));
        return consumer;
    }

    /** A record seen on a topic, as a CloudEvent with its Kafka key and topic. */
    public record Seen(String topic, String key, CloudEvent event) {

        public String data() {
            return new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Polls into {@code into} until a record of {@code type} about {@code subject} on {@code topic} is there. */
    public static Seen awaitEvent(KafkaConsumer<String, byte[]> consumer, List<Seen> into, String topic,
                                  String subject, String type) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll(consumer, into);
            return find(into, topic, subject, type).size() > 0;
        });
        return find(into, topic, subject, type).get(0);
    }

    public static void poll(KafkaConsumer<String, byte[]> consumer, List<Seen> into) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            into.add(new Seen(r.topic(), r.key(), KafkaMessageFactory.createReader(r).toEvent()));
        }
    }

    public static List<Seen> find(List<Seen> seen, String topic, String subject, String type) {
        return seen.stream().filter(s -> s.topic().equals(topic) && subject.equals(s.event().getSubject())
                && type.equals(s.event().getType())).toList();
    }
}
