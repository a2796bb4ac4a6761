package ru.frmr.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import ru.frmr.contracts.Topics;
import ru.frmr.infra.embedded.EmbeddedSmsGateway;
import ru.frmr.infra.embedded.EmbeddedSmtp;
import ru.frmr.infra.embedded.Ports;
import ru.frmr.infra.embedded.ServiceProcess;
import ru.frmr.infra.embedded.TestInfra;

/**
 * The platform under test: the in-process Kafka broker, Mongo wire server, SMTP server and SMS gateway emulator of
 * this JVM (or, with {@code -Dfrmr.test.infra=containers}, a Kafka and a MongoDB replica set from their images, see
 * {@link TestInfra#selected()}), and the packaged ESIA emulator, auth-service, registry-service, employer-service,
 * documents-service, notification-service, audit-service, the portal and the gateway as child processes on free
 * ports, each launch with its own log file.
 */
final class Platform implements AutoCloseable {

    static final String EMULATOR = "esia-emulator";
    static final String AUTH = "auth-service";
    static final String REGISTRY = "registry-service";
    /** A second copy of registry-service (its own ports, the same database and consumer groups); see below. */
    static final String REGISTRY_2 = "registry-service-2";
    static final String EMPLOYER = "employer-service";
    static final String DOCUMENTS = "documents-service";
    static final String NOTIFICATION = "notification-service";
    static final String AUDIT = "audit-service";
    static final String GATEWAY = "gateway";
    static final String PORTAL = "portal";

    /** {@code -Dfrmr.e2e.start-timeout-seconds=N} for a machine busy with other builds. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("frmr.e2e.start-timeout-seconds", 150));
    private static final Map<String, String> MODULES = Map.of(EMULATOR, "infra/esia-emulator", AUTH, AUTH,
            REGISTRY, REGISTRY, REGISTRY_2, REGISTRY, EMPLOYER, EMPLOYER, DOCUMENTS, DOCUMENTS, NOTIFICATION,
            NOTIFICATION, AUDIT, AUDIT, PORTAL, PORTAL, GATEWAY, GATEWAY);

    private final TestInfra infra;
    private final String database;
    private final EmbeddedSmtp smtp = EmbeddedSmtp.start("127.0.0.1", 0);
    private final EmbeddedSmsGateway sms = EmbeddedSmsGateway.start("127.0.0.1", 0);
    private final Path repoRoot = Path.of(System.getProperty("frmr.repo.root", "../..")).toAbsolutePath().normalize();
    private final Path logDir;
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final Admin admin;
    /** Whether the gateway spreads the registry's routes over {@link #REGISTRY} and {@link #REGISTRY_2}. */
    private final boolean registryReplica;
    private int launches;

    /** {@code target/e2e-logs/<test class>}, emptied of an earlier run's logs: the log directory of one test class. */
    static Path freshLogDir(Class<?> testClass) throws IOException {
        return freshLogDir(testClass.getSimpleName());
    }

    static Path freshLogDir(String name) throws IOException {
        Path logDir = Files.createDirectories(Path.of("target", "e2e-logs", name));
        try (var old = Files.list(logDir)) {
            for (Path f : old.toList()) {
                Files.delete(f);
            }
        }
        return logDir;
    }

    /**
     * A platform of a test class's own. It uses the broker of this JVM as the shared platform does, under the same
     * consumer groups, so the shared one stops first (a class after this one that shares it starts it again).
     */
    Platform(Path logDir) {
        this(logDir, true, TestInfra.selected(), false);
    }

    /** A platform of a test class's own on the given broker and Mongo (a *ContainersIT class's containers). */
    Platform(Path logDir, TestInfra infra) {
        this(logDir, true, infra, false);
    }

    /**
     * A platform of a test class's own whose gateway knows two copies of registry-service: {@link #REGISTRY},
     * started by {@link #startAll()}, and {@link #REGISTRY_2}, which the test starts when it wants it (until then the
     * gateway finds it refusing connections and sends everything to the first).
     */
    static Platform withRegistryReplica(Path logDir) {
        return new Platform(logDir, true, TestInfra.selected(), true);
    }

    /** The platform {@link SharedPlatform} starts. */
    static Platform shared(Path logDir) {
        return new Platform(logDir, false, TestInfra.selected(), false);
    }

    private Platform(Path logDir, boolean ofItsOwn, TestInfra infra, boolean registryReplica) {
        this.infra = infra;
        if (ofItsOwn) {
            SharedPlatform.stopForAPlatformOfItsOwn();
        }
        this.logDir = logDir;
        this.registryReplica = registryReplica;
        // Each suite's services keep their own databases (named after its log directory): the suites share one
        // broker and one Mongo wire server in this JVM, and one suite's people must not be another's.
        this.database = "_e2e_" + logDir.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
        List<String> services = List.of(EMULATOR, AUTH, REGISTRY, REGISTRY_2, EMPLOYER, DOCUMENTS, NOTIFICATION, AUDIT,
                PORTAL, GATEWAY);
        int[] free = Ports.pickFree(2 * services.size());
        for (int i = 0; i < services.size(); i++) {
            ports.put(services.get(i), free[2 * i]);
            managementPorts.put(services.get(i), free[2 * i + 1]);
        }
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()));
    }

    /** The emulator first (auth-service needs it), then the services together, then the gateway in front. */
    void startAll() {
        long began = System.nanoTime();
        start(EMULATOR).awaitHealthy(START_TIMEOUT);
        List<ServiceProcess> services = List.of(start(AUTH), start(REGISTRY), start(EMPLOYER), start(DOCUMENTS),
                start(NOTIFICATION), start(AUDIT), start(PORTAL));
        services.forEach(p -> p.awaitHealthy(START_TIMEOUT));
        start(GATEWAY).awaitHealthy(START_TIMEOUT);
        // What the suite's time goes to: the sum of these lines over a run is what sharing one platform saves.
        System.out.printf("e2e platform %s started in %d s%n", logDir.getFileName(),
                Duration.ofNanos(System.nanoTime() - began).toSeconds());
    }

    /** Fails, with the log's tail, unless every service started here is still up and ready. */
    void requireHealthy(Duration timeout) {
        running.values().forEach(p -> p.awaitHealthy(timeout));
    }

    ServiceProcess start(String service, String... extraArgs) {
        List<String> args = new ArrayList<>(argsFor(service));
        args.addAll(List.of(extraArgs));
        Path jar = ServiceProcess.findExecJar(repoRoot, MODULES.get(service));
        // Every launch logs to its own file, so the log check reads each run in full.
        Path log = logDir.resolve(service + "-" + (++launches) + ".log");
        ServiceProcess process = ServiceProcess.start(service, jar, ports.get(service), managementPorts.get(service),
                "local", log, args);
        running.put(service, process);
        return process;
    }

    private List<String> argsFor(String service) {
        String gateway = url(GATEWAY);
        String emulator = url(EMULATOR);
        String jwks = "--frmr.security.jwks-uri=" + url(AUTH) + "/.well-known/jwks.json";
        // A copy of a service shares its database (and its name, so its Kafka consumer groups too).
        String owner = service.equals(REGISTRY_2) ? REGISTRY : service;
        List<String> data = List.of("--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "--spring.data.mongodb.uri=" + infra.mongoUri(owner.replace('-', '_') + database),
                queryShapes(service));
        return switch (service) {
            case EMULATOR -> List.of("--esia.issuer=" + emulator + "/",
                    "--esia.clients[0].redirect-uris[1]=" + gateway + "/api/auth/esia/callback",
                    "--esia.clients[0].logout-redirect-uris[1]=" + gateway + "/");
            case AUTH -> concat(data, List.of("--frmr.dev-keys=" + repoRoot.resolve("infra/dev-keys"),
                    "--frmr.esia.base-url=" + emulator, "--frmr.esia.token-issuer=" + emulator + "/",
                    "--frmr.esia.redirect-uri=" + gateway + "/api/auth/esia/callback",
                    "--frmr.auth.portal-url=" + gateway + "/",
                    "--spring.mail.port=" + smtp.port()));
            // FHIR answers carry absolute URLs: the gateway's, where outside systems reach the API.
            case REGISTRY, REGISTRY_2 -> concat(data, List.of(jwks, "--frmr.registry.fhir.public-base-url=" + gateway + "/fhir"));
            case AUDIT -> concat(data, List.of(jwks));
            // Its medical organisations (fixture) and HR rights reach auth-service as events: who is EMPLOYER_HR.
            case EMPLOYER -> concat(data, List.of(jwks));
            // A справка's QR code leads to the portal's verification page, behind the gateway; e-mailed ones go to
            // this JVM's SMTP server.
            case DOCUMENTS -> concat(data, List.of(jwks, "--frmr.dev-keys=" + repoRoot.resolve("infra/dev-keys"),
                    "--frmr.documents.certificates.public-base-url=" + gateway,
                    "--spring.mail.port=" + smtp.port()));
            // Notices go out by e-mail to this JVM's SMTP server and by SMS to this JVM's SMS emulator.
            case NOTIFICATION -> concat(data, List.of(jwks, "--spring.mail.port=" + smtp.port(),
                    "--frmr.dev-keys=" + repoRoot.resolve("infra/dev-keys"),
                    "--frmr.notification.sms.base-url=" + sms.baseUrl()));
            case PORTAL -> List.of("--spring.data.mongodb.uri=" + infra.mongoUri("portal" + database), queryShapes(PORTAL),
                    "--frmr.portal.gateway-url=" + gateway);
            case GATEWAY -> List.of("--frmr.gateway.services.auth=" + url(AUTH),
                    "--frmr.gateway.services.registry=" + url(REGISTRY)
                            + (registryReplica ? "," + url(REGISTRY_2) : ""),
                    "--frmr.gateway.services.audit=" + url(AUDIT),
                    "--frmr.gateway.services.employer=" + url(EMPLOYER),
                    "--frmr.gateway.services.documents=" + url(DOCUMENTS),
                    "--frmr.gateway.services.notification=" + url(NOTIFICATION),
                    "--frmr.gateway.services.portal=" + url(PORTAL),
                    // Every request of this suite comes from 127.0.0.1: one client to the rate limiter.
                    "--frmr.gateway.rate-limits.login.limit=10000",
                    "--frmr.gateway.rate-limits.login-attempt.limit=10000",
                    "--frmr.gateway.rate-limits.address.limit=10000000",
                    "--frmr.gateway.rate-limits.public-reads.limit=10000000",
                    "--frmr.gateway.rate-limits.search.limit=10000000",
                    "--frmr.gateway.rate-limits.api.limit=10000000");
            default -> throw new IllegalArgumentException(service);
        };
    }

    /** Every service with a database records its queries' shapes for {@link QueryIndexCatalogueIT}. */
    private static String queryShapes(String service) {
        return "--frmr.mongo.query-shapes.file=" + QueryIndexCatalogueIT.shapesFile(service);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    ServiceProcess restart(String service, String... extraArgs) {
        running.remove(service).stop();
        ServiceProcess process = start(service, extraArgs);
        process.awaitHealthy(START_TIMEOUT);
        return process;
    }

    /** Simulates a crash: SIGKILL, no shutdown hooks, nothing flushed. */
    void kill(String service) {
        running.remove(service).kill();
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** The management port (health, metrics) of every service started here, by service name. */
    Map<String, Integer> managementPorts() {
        Map<String, Integer> started = new LinkedHashMap<>();
        running.keySet().forEach(service -> started.put(service, managementPorts.get(service)));
        return started;
    }

    EmbeddedSmtp smtp() {
        return smtp;
    }

    /** What notification-service texted. */
    EmbeddedSmsGateway sms() {
        return sms;
    }

    /** True when the consumer group has read everything currently on the platform's event topics. */
    boolean consumerGroupCaughtUp(String groupId) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
            Set<String> topics = Set.copyOf(Topics.ALL_EVENT_TOPICS);
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get().values()
                    .stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            return ends.entrySet().stream().allMatch(e -> {
                long end = e.getValue().offset();
                OffsetAndMetadata done = committed.get(e.getKey());
                return end == 0 || (done != null && done.offset() >= end);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    List<Path> logFiles() {
        try (var files = Files.list(logDir)) {
            return files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record the topic holds now, read from the beginning by a throwaway consumer (no group, no commits). */
    List<ConsumerRecord<String, byte[]>> records(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 30 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    @Override
    public void close() {
        ServiceProcess gateway = running.remove(GATEWAY);
        if (gateway != null) {
            gateway.stop();
        }
        running.values().forEach(ServiceProcess::stop);
        running.clear();
        admin.close();
        smtp.close();
        sms.close();
    }
}
