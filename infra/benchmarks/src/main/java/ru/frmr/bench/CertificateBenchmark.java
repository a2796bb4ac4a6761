package ru.frmr.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import ru.frmr.infra.embedded.EmbeddedKafkaBroker;
import ru.frmr.infra.embedded.EmbeddedMongo;
import ru.frmr.infra.embedded.Ports;
import ru.frmr.infra.embedded.ServiceProcess;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * How fast a справка is ready: a worker's requests go to documents-service at a steady rate (open loop: the next
 * one leaves on time whether or not the last is ready), and each request's status is polled every
 * {@code --poll-ms} until READY, as the cabinet does. Prints the time from sending the request to seeing READY:
 * p50, p95, max (the polling adds up to one poll interval; the target is p95 ≤ 2 s).
 * A program, not a test: its figures mean something only on a quiet machine. From the repository root:
 *
 * <pre>
 * ./mvnw -q -B -DskipTests package -pl infra/benchmarks -am &amp;&amp; \
 *   java -cp infra/benchmarks/target/gateway-benchmark.jar ru.frmr.bench.CertificateBenchmark
 * </pre>
 *
 * <p>It starts a Kafka broker, a Mongo wire server in memory and a token issuer in this JVM, and documents-service
 * as a process with the {@code local} profile (its development signing key) at INFO level; it publishes one
 * worker's registration on the registry's topic and waits until a probe справка is issued (the read model has the
 * worker), then warms up. Options, all optional: {@code --count=200} справки measured, {@code --rate=10} requests
 * per second, {@code --warmup=30} справки first, {@code --poll-ms=50}, {@code --type=REGISTER_EXTRACT},
 * {@code --documents-jar=PATH}. Lines starting with {@code BENCHMARK} carry the figures; the service's log goes to
 * {@code infra/benchmarks/target/logs/documents-service.log}.
 */
public final class CertificateBenchmark implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(600);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    private final Map<String, String> options;
    private final Path kafkaDir;
    private final EmbeddedMongo mongo;
    private final EmbeddedKafkaBroker kafka;
    private final TestJwtIssuer issuer;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private ServiceProcess documents;
    private String base;
    private String token;

    private CertificateBenchmark(Map<String, String> options) throws IOException {
        this.options = options;
        this.kafkaDir = Files.createTempDirectory("frmr-bench-kafka");
        this.mongo = EmbeddedMongo.inMemory();
        this.kafka = EmbeddedKafkaBroker.start(kafkaDir, 0, 0);
        this.issuer = TestJwtIssuer.start();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new ConcurrentHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        try (CertificateBenchmark benchmark = new CertificateBenchmark(options)) {
            Runtime.getRuntime().addShutdownHook(new Thread(benchmark::close, "benchmark-stop"));
            benchmark.run();
        }
    }

    private int option(String name, int fallback) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
    }

    private void run() throws Exception {
        Path repoRoot = RepositoryRoot.find();
        int[] ports = Ports.pickFree(2);
        Path jar = options.containsKey("documents-jar") ? Path.of(options.get("documents-jar"))
                : ServiceProcess.findExecJar(repoRoot, "documents-service");
        documents = ServiceProcess.start("documents-service", jar, ports[0], ports[1], "local",
                repoRoot.resolve("infra/benchmarks/target/logs/documents-service.log"), List.of(),
                List.of("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--spring.data.mongodb.uri=" + mongo.connectionString() + "/documents_bench",
                        "--frmr.security.jwks-uri=" + issuer.jwksUri(),
                        "--logging.level.ru.frmr=INFO"));
        documents.awaitHealthy(START_TIMEOUT);
        base = "http://127.0.0.1:" + documents.port();

        String workerId = UUID.randomUUID().toString();
        token = issuer.mint(TestToken.worker(workerId).withSubject(UUID.randomUUID().toString()));
        publishRegistration(workerId);
        String type = options.getOrDefault("type", "REGISTER_EXTRACT");
        awaitFirstIssued(type);

        int warmup = option("warmup", 30);
        int count = option("count", 200);
        int rate = option("rate", 10);
        int pollMs = option("poll-ms", 50);
        measure(type, warmup, rate, pollMs);
        List<Long> millis = measure(type, count, rate, pollMs);
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "BENCHMARK certificates type=%s count=%d rate=%d/s poll=%dms "
                        + "p50=%dms p95=%dms max=%dms (request sent -> READY seen)%n", type, millis.size(), rate,
                pollMs, percentile(millis, 50), percentile(millis, 95), millis.get(millis.size() - 1));
    }

    /** Sends {@code count} requests at {@code rate} per second; answers each one's milliseconds to READY. */
    private List<Long> measure(String type, int count, int rate, int pollMs) throws InterruptedException {
        List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(8);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        for (int i = 0; i < count; i++) {
            pool.schedule(() -> {
                long sent = System.nanoTime();
                String requestId = request(type);
                poll(pool, requestId, sent, pollMs, millis);
            }, i * intervalNanos, TimeUnit.NANOSECONDS);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(count / rate) + READY_TIMEOUT.toNanos();
        while (millis.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        pool.shutdownNow();
        if (millis.size() < count) {
            throw new IllegalStateException("Only " + millis.size() + " of " + count + " справки got ready");
        }
        return new ArrayList<>(millis);
    }

    private void poll(ScheduledExecutorService pool, String requestId, long sent, int pollMs, List<Long> millis) {
        String status = status(requestId);
        if ("READY".equals(status)) {
            millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
        } else if ("REFUSED".equals(status)) {
            throw new IllegalStateException("Request " + requestId + " was refused");
        } else {
            pool.schedule(() -> poll(pool, requestId, sent, pollMs, millis), pollMs, TimeUnit.MILLISECONDS);
        }
    }

    private void awaitFirstIssued(String type) throws InterruptedException {
        Instant until = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(until)) {
            String requestId = request(type);
            String status;
            do {
                Thread.sleep(200);
                status = status(requestId);
            } while (!"READY".equals(status) && !"REFUSED".equals(status) && Instant.now().isBefore(until));
            if ("READY".equals(status)) {
                return;
            }
        }
        throw new IllegalStateException("No справка issued within " + READY_TIMEOUT);
    }

    private String request(String type) {
        String body = "{\"type\":\"" + type + "\",\"purpose\":\"по месту требования\",\"delivery\":\"DOWNLOAD\"}";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/documents/me/certificates"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        Matcher id = REQUEST_ID.matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("Request refused: " + response.statusCode() + " " + response.body());
        }
        return id.group(1);
    }

    private String status(String requestId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base
                + "/api/documents/me/certificates/" + requestId)).header("Authorization", "Bearer " + token).GET()
                .build());
        Matcher status = STATUS.matcher(response.body());
        return response.statusCode() == 200 && status.find() ? status.group(1) : "UNKNOWN";
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The registry's WorkerRegistered, as a CloudEvent in Kafka's binary mode (attributes in ce_ headers). */
    private void publishRegistration(String workerId) throws Exception {
        String json = "{\"workerId\":\"" + workerId + "\",\"lastName\":\"Иванова\",\"firstName\":\"Мария\","
                + "\"middleName\":\"Петровна\",\"registeredAt\":\"" + Instant.now() + "\"}";
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("frmr.registry.events", workerId,
                json.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(UUID.randomUUID().toString()))
                .add("ce_source", bytes("/frmr/registry-service"))
                .add("ce_type", bytes("ru.frmr.registry.WorkerRegistered.v1")).add("ce_subject", bytes(workerId))
                .add("ce_time", bytes(Instant.now().toString())).add("content-type", bytes("application/json"));
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(record).get();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }


    @Override
    public synchronized void close() {
        if (documents != null) {
            documents.stop();
            documents = null;
        }
        issuer.close();
        kafka.close();
        mongo.close();
    }
}
