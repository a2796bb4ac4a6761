package ru.frmr.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.infra.embedded.EmbeddedKafkaBroker;
import ru.frmr.infra.embedded.EmbeddedMongo;
import ru.frmr.infra.embedded.Ports;
import ru.frmr.infra.embedded.ServiceProcess;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * How much the command path carries: commands at a steady rate (open loop: sent on schedule, whether or not the
 * earlier ones were answered) through the gateway while reading, and how long each command takes from its accepted
 * answer to its entry in the audit ledger (event store, Kafka relay, broker, audit-service's consumer, the ledger's
 * append). The rate steps up; the highest step whose commands all reach the ledger with p99 at most 1 s is the
 * highest sustained rate. Then the Kafka relay's rate (a backlog of stored events published after a restart) next to
 * a raw producer's (same broker, same record size, idempotent, acks=all).
 * A program, not a test: its figures mean something only on a quiet machine. From the repository root, of a clean
 * clone too:
 *
 * <pre>
 * ./mvnw -q -B -DskipTests package -pl infra/benchmarks -am &amp;&amp; java -jar infra/benchmarks/target/load-benchmark.jar
 * </pre>
 *
 * <p>It starts what it needs in this JVM (Kafka broker, Mongo wire server in memory, a token issuer that the
 * services trust in place of auth-service) and registry-service, audit-service and the gateway as processes on free
 * ports. The command mix: a worker's contact change ({@code PUT /api/registry/workers/{id}/contacts} with a step-up
 * token; each worker has at most one command in flight, so a command finds its own ledger entry), plus a read of a
 * worker's record ({@code GET /api/registry/workers/{id}}) per command. Logins and moderated profile changes are not
 * in the mix (logins need the ESIA emulator's browser flow; a moderated change has no ledger entry of its own to time).
 * Options, all optional: {@code --rates=5,10,20,40,80,160} commands/s, {@code --step-seconds=30},
 * {@code --workers=60}, {@code --relay-events=2000}, {@code --raw-records=20000}; {@code --quick} (rates 5,10, 5 s
 * steps, 200 relay events, 2000 raw records) only proves the program works. Lines starting with {@code BENCHMARK}
 * carry the figures; the services' logs go to {@code infra/benchmarks/target/logs/}.
 */
public final class LoadBenchmark implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(600);
    /** How long after a step its last commands may take to reach the ledger before they count as missing. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SUSTAINED_P99 = Duration.ofSeconds(1);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ITEM = Pattern.compile("\\{[^{}]*}");
    private static final Pattern RECORDED_AT = Pattern.compile("\"recordedAt\"\\s*:\\s*\"([^\"]+)\"");

    private final Options options;
    private final Path repoRoot;
    private final Path kafkaDir;
    private final EmbeddedMongo mongo;
    private final EmbeddedKafkaBroker kafka;
    private final TestJwtIssuer issuer;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Path logs;
    private ServiceProcess registry;
    private ServiceProcess audit;
    private ServiceProcess gateway;
    private boolean closed;

    private LoadBenchmark(Options options) throws IOException {
        this.options = options;
        this.repoRoot = RepositoryRoot.find();
        this.logs = repoRoot.resolve("infra/benchmarks/target/logs");
        this.kafkaDir = Files.createTempDirectory("frmr-load-bench-kafka");
        this.mongo = EmbeddedMongo.inMemory();
        this.kafka = EmbeddedKafkaBroker.start(kafkaDir, 0, 0);
        this.issuer = TestJwtIssuer.start();
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        try (LoadBenchmark benchmark = new LoadBenchmark(options)) {
            Runtime.getRuntime().addShutdownHook(new Thread(benchmark::close, "benchmark-stop"));
            benchmark.run();
        }
    }

    private void run() throws Exception {
        int[] ports = Ports.pickFree(6);
        registry = startRegistry(ports[0], ports[1]);
        audit = start(ServiceProcess.start("audit-service", ServiceProcess.findExecJar(repoRoot, "audit-service"),
                ports[2], ports[3], "local", logs.resolve("audit-service.log"), dataArgs("audit_bench")));
        gateway = start(ServiceProcess.start("gateway", ServiceProcess.findExecJar(repoRoot, "gateway"), ports[4],
                ports[5], "default", logs.resolve("gateway.log"), List.of(),
                List.of("--frmr.gateway.services.registry=" + registry.url(),
                        "--frmr.gateway.services.audit=" + audit.url(),
                        "--frmr.gateway.jwks-uri=" + issuer.jwksUri(),
                        // Every request here comes from one address, so one client would spend one budget.
                        "--frmr.gateway.rate-limits.api.limit=100000000",
                        "--frmr.gateway.rate-limits.address.limit=100000000")));
        for (ServiceProcess process : processes) {
            process.awaitHealthy(START_TIMEOUT);
        }
        List<String> workers = seed();
        System.out.printf(Locale.ROOT, "BENCHMARK load: %d workers, steps of %d s at %s commands/s; %d cores%n",
                workers.size(), options.stepSeconds.toSeconds(), options.rates, Runtime.getRuntime().availableProcessors());

        int sustained = 0;
        for (int rate : options.rates) {
            Step step = step(rate, workers);
            System.out.println("BENCHMARK " + step);
            if (!step.sustained()) {
                break;
            }
            sustained = rate;
        }
        System.out.printf(Locale.ROOT, "BENCHMARK highest sustained rate (every command in the ledger, p99 <= %d ms): "
                + "%s%n", SUSTAINED_P99.toMillis(), sustained == 0 ? "none of the steps" : sustained + " commands/s");

        relayAndRawProducer(workers);
    }

    private ServiceProcess startRegistry(int port, int managementPort, String... extra) {
        List<String> args = new ArrayList<>(dataArgs("registry_bench"));
        args.add("--frmr.security.jwks-uri=" + issuer.jwksUri());
        args.add("--logging.level.ru.frmr=INFO");
        args.addAll(List.of(extra));
        return start(ServiceProcess.start("registry-service", ServiceProcess.findExecJar(repoRoot, "registry-service"),
                port, managementPort, "local", logs.resolve("registry-service.log"), args));
    }

    private List<String> dataArgs(String database) {
        return new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.data.mongodb.uri=" + mongo.connectionString() + "/" + database,
                "--frmr.security.jwks-uri=" + issuer.jwksUri()));
    }

    /** Registers the workers through registry-service's admin API and waits until each record is readable. */
    private List<String> seed() throws IOException, InterruptedException {
        String admin = "Bearer " + issuer.mint(TestToken.withRoles("REGISTRY_ADMIN").validFor(Duration.ofHours(6)));
        List<String> workers = new ArrayList<>();
        for (int i = 0; i < options.workers; i++) {
            String body = String.format(Locale.ROOT, "{\"lastName\":\"Нагрузкина\",\"firstName\":\"Анна\",\"middleName\":\"Петровна\","
                            + "\"birthDate\":\"%s\",\"snils\":\"%s\",\"email\":\"load%d@example.org\"}",
                    LocalDate.of(1970, 1, 1).plusDays(53L * i), GatewayBenchmark.snils(i), i);
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(registry.url() + "/api/registry/workers"))
                    .header("Authorization", admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Registering a worker answered " + created.statusCode() + ": "
                        + created.body());
            }
            Matcher id = ID.matcher(created.body());
            if (!id.find()) {
                throw new IllegalStateException("Registering a worker answered no id: " + created.body());
            }
            workers.add(id.group(1));
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        for (String worker : workers) {
            // Her own token: an administrator's read would need a stated purpose and count as an access to her data.
            String own = "Bearer " + issuer.mint(TestToken.worker(worker).validFor(Duration.ofHours(1)));
            HttpResponse<String> read;
            while ((read = send(HttpRequest.newBuilder(URI.create(gateway.url() + "/api/registry/workers/" + worker))
                    .header("Authorization", own).GET())).statusCode() != 200) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("A registered worker was not readable within "
                            + START_TIMEOUT.toSeconds() + " s: " + read.statusCode() + " " + read.body());
                }
                Thread.sleep(100);
            }
        }
        return workers;
    }

    /** One step: {@code rate} commands a second for the step's length, then waits for them in the ledger. */
    private Step step(int rate, List<String> workers) throws Exception {
        Map<String, String> tokens = new HashMap<>();
        for (String worker : workers) {
            // As auth-service issues it right after the worker confirmed a step-up one-time code.
            tokens.put(worker, "Bearer " + issuer.mint(TestToken.worker(worker).validFor(Duration.ofHours(1)),
                    Map.of("step_up", Instant.now().getEpochSecond())));
        }
        ConcurrentLinkedQueue<String> idle = new ConcurrentLinkedQueue<>(workers);
        Map<String, List<Instant>> accepted = new java.util.concurrent.ConcurrentHashMap<>();
        List<Long> readMillis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger readsFailed = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger sequence = new AtomicInteger();
        Instant started = Instant.now();
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        ticks.scheduleAtFixedRate(() -> {
            String worker = idle.poll();
            if (worker == null) {
                // Every worker still has a command in flight: the platform is behind the schedule.
                busy.incrementAndGet();
                return;
            }
            sent.incrementAndGet();
            inFlight.incrementAndGet();
            int n = sequence.incrementAndGet();
            String contacts = String.format(Locale.ROOT, "{\"email\":\"load-%d@example.org\",\"mobile\":\"+79%09d\"}",
                    n, n);
            http.sendAsync(HttpRequest.newBuilder(URI.create(gateway.url() + "/api/registry/workers/" + worker
                                    + "/contacts")).header("Authorization", tokens.get(worker))
                            .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(contacts))
                            .build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((answer, error) -> {
                        if (error == null && answer.statusCode() == 204) {
                            accepted.computeIfAbsent(worker, w -> Collections.synchronizedList(new ArrayList<>()))
                                    .add(Instant.now());
                        } else {
                            failed.incrementAndGet();
                        }
                        idle.add(worker);
                        inFlight.decrementAndGet();
                    });
            String read = workers.get(Math.floorMod(n * 7, workers.size()));
            long readStart = System.nanoTime();
            http.sendAsync(HttpRequest.newBuilder(URI.create(gateway.url() + "/api/registry/workers/" + read))
                            .header("Authorization", tokens.get(read)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((answer, error) -> {
                        if (error == null && answer.statusCode() == 200) {
                            readMillis.add((System.nanoTime() - readStart) / 1_000_000);
                        } else {
                            readsFailed.incrementAndGet();
                        }
                    });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        Thread.sleep(options.stepSeconds.toMillis());
        ticks.shutdownNow();
        ticks.awaitTermination(5, TimeUnit.SECONDS);
        while (inFlight.get() > 0) {
            Thread.sleep(20);
        }

        List<Long> ledgerMillis = new ArrayList<>();
        int missing = awaitLedger(accepted, started, ledgerMillis);
        return new Step(rate, sent.get(), busy.get(), failed.get(), missing, percentiles(ledgerMillis),
                readMillis.size(), readsFailed.get(), percentiles(new ArrayList<>(readMillis)));
    }

    /**
     * Matches each worker's accepted commands, in order, to its ledger entries of the step, in order (one entry per
     * contact change), and adds each one's time from accepted answer to ledger append. Returns how many commands
     * had no entry within {@link #DRAIN_TIMEOUT}.
     */
    private int awaitLedger(Map<String, List<Instant>> accepted, Instant since, List<Long> ledgerMillis)
            throws IOException, InterruptedException {
        String auditor = "Bearer " + issuer.mint(TestToken.withRoles("AUDITOR").validFor(Duration.ofHours(1)));
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        Map<String, List<Instant>> pending = new HashMap<>(accepted);
        int missing = 0;
        while (!pending.isEmpty()) {
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                List<Instant> recorded = ledgerTimes(auditor, entry.getKey(), since);
                List<Instant> commands = new ArrayList<>(entry.getValue());
                Collections.sort(commands);
                if (recorded.size() >= commands.size()) {
                    for (int k = 0; k < commands.size(); k++) {
                        ledgerMillis.add(Duration.between(commands.get(k), recorded.get(k)).toMillis());
                    }
                    it.remove();
                } else if (System.nanoTime() - deadline > 0) {
                    missing += commands.size() - recorded.size();
                    it.remove();
                }
            }
            if (!pending.isEmpty()) {
                Thread.sleep(200);
            }
        }
        return missing;
    }

    /** When the ledger appended the worker's profile updates whose events were stored at or after {@code since}. */
    private List<Instant> ledgerTimes(String auditor, String worker, Instant since)
            throws IOException, InterruptedException {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(audit.url() + "/api/audit/entries?subject="
                + worker + "&type=" + EventTypes.PROFILE_UPDATED + "&from=" + since + "&size=500"))
                .header("Authorization", auditor).GET());
        if (page.statusCode() != 200) {
            throw new IllegalStateException("The ledger answered " + page.statusCode() + ": " + page.body());
        }
        List<Instant> times = new ArrayList<>();
        Matcher item = ITEM.matcher(page.body().substring(Math.max(0, page.body().indexOf('['))));
        while (item.find()) {
            Matcher recordedAt = RECORDED_AT.matcher(item.group());
            if (recordedAt.find()) {
                times.add(Instant.parse(recordedAt.group(1)));
            }
        }
        return times;
    }

    /**
     * The relay's rate: registry-service restarted with its relay stopped takes {@code --relay-events} contact
     * changes (stored, not published), then restarted normally publishes the backlog; the rate is the backlog over
     * the time between the first and the last record's broker timestamp. The raw producer sends as many records of
     * the same size to a topic of the same broker, idempotent with acks=all like the relay.
     */
    private void relayAndRawProducer(List<String> workers) throws Exception {
        int registryPort = registry.port();
        int registryManagement = registry.managementPort();
        registry.stop();
        processes.remove(registry);
        registry = startRegistry(registryPort, registryManagement, "--frmr.relay.autostart=false");
        registry.awaitHealthy(START_TIMEOUT);
        Map<TopicPartition, Long> ends = endOffsets(Topics.REGISTRY_EVENTS);
        int events = options.relayEvents;
        int perWorker = (events + workers.size() - 1) / workers.size();
        AtomicInteger stored = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int first = t;
            Thread writer = new Thread(() -> {
                for (int w = first; w < workers.size() && stored.get() < events; w += 4) {
                    String worker = workers.get(w);
                    String token = "Bearer " + issuer.mint(TestToken.worker(worker).validFor(Duration.ofHours(1)),
                            Map.of("step_up", Instant.now().getEpochSecond()));
                    for (int k = 0; k < perWorker && stored.get() < events; k++) {
                        String contacts = String.format(Locale.ROOT,
                                "{\"email\":\"relay-%d-%d@example.org\",\"mobile\":\"+79%09d\"}", w, k, k);
                        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(registry.url()
                                        + "/api/registry/workers/" + worker + "/contacts"))
                                .header("Authorization", token).header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(contacts)));
                        if (answer.statusCode() == 204) {
                            stored.incrementAndGet();
                        }
                    }
                }
            });
            writer.start();
            writers.add(writer);
        }
        for (Thread writer : writers) {
            writer.join();
        }
        registry.stop();
        processes.remove(registry);
        registry = startRegistry(registryPort, registryManagement);
        List<ConsumerRecord<String, byte[]>> published = read(Topics.REGISTRY_EVENTS, ends, stored.get(),
                Duration.ofSeconds(300));
        long first = published.stream().mapToLong(ConsumerRecord::timestamp).min().orElse(0);
        long last = published.stream().mapToLong(ConsumerRecord::timestamp).max().orElse(0);
        int size = published.isEmpty() ? 500 : published.get(published.size() / 2).value().length;
        double relayRate = published.size() / Math.max(0.001, (last - first) / 1000.0);
        System.out.printf(Locale.ROOT, "BENCHMARK relay: %d stored events published in %d ms: %.0f events/s (record "
                + "value ~%d B)%n", published.size(), last - first, relayRate, size);
        double rawRate = rawProducer(options.rawRecords, size);
        System.out.printf(Locale.ROOT, "BENCHMARK raw producer on the same broker: %d records of %d B: %.0f records/s "
                + "(relay / raw = %.2f)%n", options.rawRecords, size, rawRate, relayRate / rawRate);
    }

    private double rawProducer(int records, int size) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        byte[] value = new byte[size];
        Arrays.fill(value, (byte) 'x');
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("frmr.bench.raw", "warm-up", value)).get();
            long began = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>("frmr.bench.raw", "key-" + (i % 64), value));
            }
            producer.flush();
            return records / ((System.nanoTime() - began) / 1e9);
        }
    }

    private Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    private List<ConsumerRecord<String, byte[]>> read(String topic, Map<TopicPartition, Long> from, int expected,
                                                      Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < expected && System.nanoTime() - deadline < 0) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            if (records.size() < expected) {
                throw new IllegalStateException("Only " + records.size() + " of " + expected + " stored events were "
                        + "published on " + topic + " within " + timeout.toSeconds() + " s");
            }
            return records;
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ServiceProcess start(ServiceProcess process) {
        processes.add(process);
        return process;
    }

    /** p50 and p99 in milliseconds, or nothing measured. */
    private static long[] percentiles(List<Long> millis) {
        if (millis.isEmpty()) {
            return new long[0];
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new long[] {sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1)};
    }


    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).stop();
        }
        issuer.close();
        kafka.close();
        mongo.close();
        try (Stream<Path> files = Files.walk(kafkaDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + kafkaDir, e);
        }
    }

    /** One step's outcome; latencies as {p50, p99} in ms. */
    private record Step(int rate, int sent, int behindSchedule, int failed, int missing, long[] ledger, int reads,
                        int readsFailed, long[] read) {

        /** Kept up with the schedule, every command accepted and in the ledger, p99 within the bound. */
        boolean sustained() {
            return behindSchedule == 0 && failed == 0 && missing == 0 && readsFailed == 0 && ledger.length == 2
                    && ledger[1] <= SUSTAINED_P99.toMillis();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "step %d commands/s: %d sent, %d behind schedule, %d failed, %d not in "
                            + "the ledger; accepted -> ledger p50 %s ms, p99 %s ms; %d reads (%d failed) p50 %s ms, "
                            + "p99 %s ms; %s", rate, sent, behindSchedule, failed, missing, at(ledger, 0), at(ledger, 1),
                    reads, readsFailed, at(read, 0), at(read, 1), sustained() ? "sustained" : "NOT sustained");
        }

        private static String at(long[] values, int i) {
            return values.length > i ? Long.toString(values[i]) : "-";
        }
    }

    private record Options(List<Integer> rates, Duration stepSeconds, int workers, int relayEvents, int rawRecords) {

        static Options parse(String[] args) {
            List<Integer> rates = List.of(5, 10, 20, 40, 80, 160);
            Duration step = Duration.ofSeconds(30);
            int workers = 60;
            int relayEvents = 2000;
            int rawRecords = 20_000;
            for (String arg : args) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
                if (arg.equals("--quick")) {
                    rates = List.of(5, 10);
                    step = Duration.ofSeconds(5);
                    relayEvents = 200;
                    rawRecords = 2000;
                } else if (arg.startsWith("--rates=")) {
                    rates = Arrays.stream(value.split(",")).map(String::trim).map(Integer::parseInt).toList();
                } else if (arg.startsWith("--step-seconds=")) {
                    step = Duration.ofSeconds(Long.parseLong(value));
                } else if (arg.startsWith("--workers=")) {
                    workers = Integer.parseInt(value);
                } else if (arg.startsWith("--relay-events=")) {
                    relayEvents = Integer.parseInt(value);
                } else if (arg.startsWith("--raw-records=")) {
                    rawRecords = Integer.parseInt(value);
                } else {
                    throw new IllegalArgumentException("Unknown option " + arg + "; see LoadBenchmark's header");
                }
            }
            if (rates.isEmpty() || rates.stream().anyMatch(r -> r < 1) || workers < 1 || relayEvents < 1
                    || rawRecords < 1 || step.isNegative() || step.isZero()) {
                throw new IllegalArgumentException("Rates, workers, events, records and the step must be positive");
            }
            return new Options(rates, step, workers, relayEvents, rawRecords);
        }
    }
}
