package ru.frmr.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ru.frmr.bench.ClosedLoopLoad.Run;
import ru.frmr.bench.ClosedLoopLoad.Target;
import ru.frmr.infra.embedded.EmbeddedKafkaBroker;
import ru.frmr.infra.embedded.EmbeddedMongo;
import ru.frmr.infra.embedded.Ports;
import ru.frmr.infra.embedded.ServiceProcess;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * What the gateway costs: the same closed-loop client (8 kept-alive connections by default) drives the public
 * register search and an authenticated worker's record read straight at registry-service and through the
 * gateway, and prints requests/s both ways, their ratio, the latency the gateway adds (p50, p99) and the
 * gateway process's CPU time per proxied request (from the operating system, before and after the run; also
 * without its JIT compilers' share, which on a busy machine stretches over the first minutes).
 * A program, not a test: it takes about five minutes and its figures mean something only on a quiet machine.
 * From the repository root:
 *
 * <pre>
 * ./mvnw -q -B -DskipTests package -pl infra/benchmarks -am &amp;&amp; java -jar infra/benchmarks/target/gateway-benchmark.jar
 * </pre>
 *
 * <p>It starts what it needs in this JVM (Kafka broker, Mongo wire server in memory, a token issuer whose
 * key set both services trust) and registry-service and the gateway as processes on free ports. The gateway
 * runs as deployed: no profile, no JVM options (default heap, collector and JIT), rate budgets raised only
 * because every request comes from one address. registry-service runs with the {@code local} profile (it needs
 * that profile's development key) at INFO level. Options, all optional:
 * {@code --seconds=20} per measured run, {@code --warmup=15} seconds per path and side before measuring (repeated
 * while the JIT compilers still take a tenth or more of that side's CPU, up to {@code --warmup-max=120} seconds),
 * {@code --rounds=2} (each round measures both paths direct then proxied), {@code --connections=8},
 * {@code --gateway-jar=PATH} and {@code --registry-jar=PATH} (other builds, say the ones before a change),
 * {@code --gateway-jvm-options="-XX:StartFlightRecording=..."} (for profiling; the figures then include it);
 * {@code --compare-gateway-jar=PATH[,PATH...]} and/or {@code --compare-gateway-jvm-options="..."} start more
 * gateways ("gateway-b", "gateway-c", ...; the same jar unless given) measured right after the first in every round
 * against the same direct run: on a shared machine whose load drifts, a comparison within one run says more than
 * two runs.
 * Lines starting with {@code BENCHMARK} carry the figures; the services' logs go to
 * {@code infra/benchmarks/target/logs/}.
 */
public final class GatewayBenchmark implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(600);
    private static final Duration READ_MODEL_TIMEOUT = Duration.ofSeconds(60);
    private static final String SEARCHED_NAME = "Иванова";
    private static final List<String> LAST_NAMES = List.of(SEARCHED_NAME, "Петрова", "Сидорова", "Кузнецова");
    private static final int SEEDED_WORKERS = 40;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CHANGE_ID = Pattern.compile("\"changeId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern HIT = Pattern.compile("\"workerId\"");
    /** The public register lists only workers with an approved professional entry; each seeded worker gets one. */
    private static final String ACCREDITATION = "{\"kind\":\"ADD\",\"entry\":{\"section\":\"ACCREDITATION\","
            + "\"kind\":\"PERIODIC\",\"protocolNumber\":\"П-17/2024\",\"protocolDate\":\"2024-06-01\","
            + "\"specialtyCode\":\"31.08.49\"}}";

    private final Options options;
    private final Path repoRoot;
    private final Path kafkaDir;
    private final EmbeddedMongo mongo;
    private final EmbeddedKafkaBroker kafka;
    private final TestJwtIssuer issuer;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private boolean closed;

    private GatewayBenchmark(Options options) throws IOException {
        this.options = options;
        this.repoRoot = RepositoryRoot.find();
        this.kafkaDir = Files.createTempDirectory("frmr-bench-kafka");
        this.mongo = EmbeddedMongo.inMemory();
        this.kafka = EmbeddedKafkaBroker.start(kafkaDir, 0, 0);
        this.issuer = TestJwtIssuer.start();
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        try (GatewayBenchmark benchmark = new GatewayBenchmark(options)) {
            Runtime.getRuntime().addShutdownHook(new Thread(benchmark::close, "benchmark-stop"));
            benchmark.run();
        }
    }

    private void run() throws Exception {
        int[] ports = Ports.pickFree(4);
        Path logs = repoRoot.resolve("infra/benchmarks/target/logs");
        Path registryJar = options.registryJar != null ? options.registryJar
                : ServiceProcess.findExecJar(repoRoot, "registry-service");
        ServiceProcess registry = start(ServiceProcess.start("registry-service", registryJar, ports[0], ports[2], "local",
                logs.resolve("registry-service.log"), List.of(),
                List.of("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--spring.data.mongodb.uri=" + mongo.connectionString() + "/registry_bench",
                        "--frmr.security.jwks-uri=" + issuer.jwksUri(),
                        "--logging.level.ru.frmr=INFO")));
        Path gatewayJar = options.gatewayJar != null ? options.gatewayJar
                : ServiceProcess.findExecJar(repoRoot, "gateway");
        ServiceProcess gateway = start(startGateway("gateway", gatewayJar, ports[1], ports[3],
                options.gatewayJvmOptions, registry, logs));
        List<ServiceProcess> gateways = new ArrayList<>(List.of(gateway));
        if (options.compared()) {
            List<Path> comparedJars = options.compareGatewayJars.isEmpty() ? List.of(gatewayJar)
                    : options.compareGatewayJars;
            for (int i = 0; i < comparedJars.size(); i++) {
                int[] more = Ports.pickFree(2);
                String name = "gateway-" + (char) ('b' + i);
                gateways.add(start(startGateway(name, comparedJars.get(i), more[0], more[1],
                        options.compareGatewayJvmOptions, registry, logs)));
                System.out.printf(Locale.ROOT, "BENCHMARK compared: %s %s, JVM options %s%n", name,
                        comparedJars.get(i).getFileName(), options.compareGatewayJvmOptions.isEmpty()
                                ? "none (as deployed)" : options.compareGatewayJvmOptions);
            }
        }
        registry.awaitHealthy(START_TIMEOUT);
        for (ServiceProcess side : gateways) {
            side.awaitHealthy(START_TIMEOUT);
        }

        String searchPath = "/api/registry/public/workers?q=" + URLEncoder.encode(SEARCHED_NAME, StandardCharsets.UTF_8);
        String workerId = seed(registry, searchPath);
        String workerToken = issuer.mint(TestToken.worker(workerId).validFor(Duration.ofHours(6)));
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("public search", searchPath);
        paths.put("record read", "/api/registry/workers/" + workerId);
        Map<String, String> bearers = Map.of("public search", "", "record read", workerToken);

        System.out.printf(Locale.ROOT, "BENCHMARK gateway %s (registry %s), JVM options %s; %d connections, %d s per "
                        + "run after %d s warm-up, %d rounds; %d cores; load %s; the public search finds %d workers "
                        + "direct, %d through the gateway%n", gatewayJar.getFileName(),
                registryJar.getFileName(),
                options.gatewayJvmOptions.isEmpty() ? "none (as deployed)" : options.gatewayJvmOptions,
                options.connections, options.seconds.toSeconds(), options.warmUp.toSeconds(), options.rounds,
                Runtime.getRuntime().availableProcessors(), loadAverage(), hits(registry, searchPath),
                hits(gateway, searchPath));

        ClosedLoopLoad load = new ClosedLoopLoad(options.connections);
        List<ServiceProcess> sides = new ArrayList<>(List.of(registry));
        sides.addAll(gateways);
        for (Map.Entry<String, String> path : paths.entrySet()) {
            String bearer = bearers.get(path.getKey()).isEmpty() ? null : bearers.get(path.getKey());
            for (ServiceProcess side : sides) {
                Run check = load.run(target(side, path.getValue(), bearer), Duration.ofMillis(200));
                if (check.errors() > 0) {
                    throw new IllegalStateException(path.getKey() + " via " + side.name() + " answered "
                            + check.firstError());
                }
                warmUp(load, target(side, path.getValue(), bearer), side);
            }
        }

        Map<String, List<Comparison>> results = new LinkedHashMap<>();
        for (int round = 1; round <= options.rounds; round++) {
            for (Map.Entry<String, String> path : paths.entrySet()) {
                String bearer = bearers.get(path.getKey()).isEmpty() ? null : bearers.get(path.getKey());
                Measured direct = measure(load, target(registry, path.getValue(), bearer), registry, gateway);
                // With a compared gateway, both are measured against the same direct run, one after the other.
                for (ServiceProcess side : gateways) {
                    Measured proxied = measure(load, target(side, path.getValue(), bearer), registry, side);
                    Comparison comparison = new Comparison(direct, proxied);
                    String key = gateways.size() == 1 ? path.getKey() : path.getKey() + " " + side.name();
                    results.computeIfAbsent(key, k -> new ArrayList<>()).add(comparison);
                    System.out.printf(Locale.ROOT, "BENCHMARK round %d %-13s %s%n", round, key, comparison);
                }
            }
        }
        for (Map.Entry<String, List<Comparison>> entry : results.entrySet()) {
            summarize(entry.getKey(), entry.getValue());
        }
    }

    private ServiceProcess startGateway(String name, Path jar, int port, int managementPort, List<String> jvmOptions,
                                        ServiceProcess registry, Path logs) {
        return ServiceProcess.start(name, jar, port, managementPort, "default", logs.resolve(name + ".log"), jvmOptions,
                List.of("--frmr.gateway.services.registry=" + registry.url(),
                        "--frmr.gateway.jwks-uri=" + issuer.jwksUri(),
                        // Every request here comes from one address, so one client would spend one budget.
                        "--frmr.gateway.rate-limits.login.limit=100000000",
                        "--frmr.gateway.rate-limits.api.limit=100000000",
                        "--frmr.gateway.rate-limits.address.limit=100000000",
                        "--frmr.gateway.rate-limits.public-reads.limit=100000000",
                        "--frmr.gateway.rate-limits.search.limit=100000000"));
    }

    /**
     * Drives {@code side} for at least {@code --warmup} seconds, then on in slices of the same length until its
     * JIT compilers spent less than a tenth of its CPU time in the last slice (at most {@code --warmup-max}
     * seconds in all): on a busy machine C2 keeps compiling the gateway's reactive call chains for minutes,
     * and a measured run during that time would charge a start-up cost to every request.
     */
    private void warmUp(ClosedLoopLoad load, Target target, ServiceProcess side) {
        long deadline = System.nanoTime() + options.warmUpMax.toNanos();
        ThreadCpu before = ThreadCpu.of(side.pid());
        load.run(target, options.warmUp);
        ThreadCpu slice = ThreadCpu.of(side.pid()).minus(before);
        while (slice.totalTicks() > 0 && slice.compilerTicks() * 10 >= slice.totalTicks()
                && System.nanoTime() - deadline < 0) {
            before = ThreadCpu.of(side.pid());
            load.run(target, options.warmUp);
            slice = ThreadCpu.of(side.pid()).minus(before);
        }
        System.out.printf(Locale.ROOT, "BENCHMARK warmed up %s %s, last %d s: %s%n", side.name(),
                target.pathAndQuery().substring(0, Math.min(40, target.pathAndQuery().length())),
                options.warmUp.toSeconds(), slice.shares());
    }

    private ServiceProcess start(ServiceProcess process) {
        processes.add(process);
        return process;
    }

    private static Target target(ServiceProcess service, String pathAndQuery, String bearer) {
        return new Target("127.0.0.1", service.port(), pathAndQuery, bearer);
    }

    private Measured measure(ClosedLoopLoad load, Target target, ServiceProcess registry, ServiceProcess gateway) {
        String loadBefore = loadAverage();
        Duration gatewayBefore = cpuTime(gateway);
        ThreadCpu gatewayThreadsBefore = ThreadCpu.of(gateway.pid());
        Duration registryBefore = cpuTime(registry);
        Run run = load.run(target, options.seconds);
        Duration gatewayCpu = cpuTime(gateway).minus(gatewayBefore);
        ThreadCpu gatewayThreads = ThreadCpu.of(gateway.pid()).minus(gatewayThreadsBefore);
        Duration registryCpu = cpuTime(registry).minus(registryBefore);
        if (run.errors() > 0) {
            throw new IllegalStateException(run.errors() + " of " + run.requests() + " requests to port "
                    + target.port() + " failed; the first: " + run.firstError());
        }
        return new Measured(run, gatewayCpu, gatewayThreads, registryCpu, loadBefore);
    }

    /**
     * Registers workers through registry-service's admin API, gives each an approved accreditation (submitted by
     * the worker with a step-up token, approved by an administrator: the public register lists only workers with
     * an approved professional entry), waits until the public search finds every seeded worker of the searched
     * name and returns one worker whose record is readable.
     */
    private String seed(ServiceProcess registry, String searchPath) throws IOException, InterruptedException {
        String admin = issuer.mint(TestToken.withRoles("REGISTRY_ADMIN").validFor(Duration.ofHours(1)));
        String first = null;
        int searched = 0;
        for (int i = 0; i < SEEDED_WORKERS; i++) {
            String lastName = LAST_NAMES.get(i % LAST_NAMES.size());
            String body = String.format(Locale.ROOT, "{\"lastName\":\"%s\",\"firstName\":\"Мария\","
                            + "\"middleName\":\"Петровна\",\"birthDate\":\"%s\",\"snils\":\"%s\",\"email\":\"w%d@example.org\"}",
                    lastName, LocalDate.of(1970, 1, 1).plusDays(97L * i), snils(i), i);
            String workerId = find(ID, post(registry, "/api/registry/workers", "Bearer " + admin, body, 201),
                    "Registering a worker");
            // As auth-service issues it right after the worker confirmed a step-up one-time code.
            String stepUp = issuer.mint(TestToken.worker(workerId).validFor(Duration.ofHours(1)),
                    Map.of("step_up", Instant.now().getEpochSecond()));
            String changeId = find(CHANGE_ID, post(registry, "/api/registry/workers/" + workerId + "/changes",
                    "Bearer " + stepUp, ACCREDITATION, 202), "Submitting an accreditation");
            post(registry, "/api/registry/workers/" + workerId + "/changes/" + changeId + "/approve",
                    "Bearer " + admin, "", 204);
            if (first == null) {
                first = workerId;
            }
            if (lastName.equals(SEARCHED_NAME)) {
                searched++;
            }
        }
        HttpRequest read = HttpRequest.newBuilder(URI.create(registry.url() + "/api/registry/workers/" + first))
                .header("Authorization", "Bearer " + admin).GET().build();
        long deadline = System.nanoTime() + READ_MODEL_TIMEOUT.toNanos();
        while (http.send(read, HttpResponse.BodyHandlers.discarding()).statusCode() != 200
                || hits(registry, searchPath) < searched) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Within " + READ_MODEL_TIMEOUT.toSeconds() + " s the registered "
                        + "worker was not readable or the public search did not find all " + searched + " workers");
            }
            Thread.sleep(200);
        }
        return first;
    }

    private String post(ServiceProcess service, String path, String authorization, String json, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(service.url() + path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private static String find(Pattern pattern, String body, String what) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException(what + " answered no id: " + body);
        }
        return matcher.group(1);
    }

    /** How many workers a public search through {@code service} lists. */
    private int hits(ServiceProcess service, String searchPath) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(service.url() + searchPath)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            return -1;
        }
        return (int) HIT.matcher(answer.body()).results().count();
    }

    /** A distinct, well-formed СНИЛС per index (nine digits and their checksum). */
    static String snils(int index) {
        String digits = Long.toString(200_000_000L + 7_919L * index);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        int check = sum < 100 ? sum : (sum % 101) % 100;
        return String.format(Locale.ROOT, "%s-%s-%s %02d", digits.substring(0, 3), digits.substring(3, 6),
                digits.substring(6, 9), check);
    }

    private void summarize(String path, List<Comparison> rounds) {
        double ratio = rounds.stream().mapToDouble(Comparison::ratio).average().orElse(Double.NaN);
        double cpu = rounds.stream().mapToDouble(c -> c.proxied.gatewayCpuMillisPerRequest()).average().orElse(Double.NaN);
        double withoutJit = rounds.stream().mapToDouble(c -> c.proxied.gatewayCpuMillisPerRequestWithoutJit())
                .average().orElse(Double.NaN);
        double addedP50 = rounds.stream().mapToDouble(c -> c.added(0.50)).average().orElse(Double.NaN);
        double addedP99 = rounds.stream().mapToDouble(c -> c.added(0.99)).average().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "BENCHMARK summary %-13s ratio %.2f (target >= 0.80: %s), gateway CPU %.3f ms "
                        + "per proxied request (target <= 0.300: %s; without JIT %.3f ms), added p50 %.2f ms, added p99 "
                        + "%.2f ms (target <= 5: %s); mean of %d rounds%n", path, ratio, met(ratio >= 0.8), cpu,
                met(cpu <= 0.3), withoutJit, addedP50, addedP99, met(addedP99 <= 5), rounds.size());
    }

    private static String met(boolean met) {
        return met ? "met" : "NOT met";
    }

    private static Duration cpuTime(ServiceProcess process) {
        return ProcessHandle.of(process.pid()).flatMap(p -> p.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("The CPU time of " + process.name() + " is not readable"));
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "n/a";
        }
    }


    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // The gateway first, so that it never reports the registry as down.
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

    /** One measured run and what it cost each process. */
    private record Measured(Run run, Duration gatewayCpu, ThreadCpu gatewayThreads, Duration registryCpu,
                            String load) {

        double gatewayCpuMillisPerRequest() {
            return gatewayCpu.toNanos() / 1e6 / run.requests();
        }

        /** The same, leaving out what the JIT compilers spent (a start-up cost that a busy machine stretches). */
        double gatewayCpuMillisPerRequestWithoutJit() {
            long total = gatewayThreads.totalTicks();
            return total <= 0 ? Double.NaN
                    : gatewayCpuMillisPerRequest() * (total - gatewayThreads.compilerTicks()) / total;
        }

        double registryCpuMillisPerRequest() {
            return registryCpu.toNanos() / 1e6 / run.requests();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%6.0f req/s p50 %6.2f ms p99 %6.2f ms, CPU/req registry %.3f ms "
                            + "gateway %.3f ms (load %s)", run.perSecond(), run.percentileMillis(0.50),
                    run.percentileMillis(0.99), registryCpuMillisPerRequest(), gatewayCpuMillisPerRequest(), load);
        }
    }

    private record Comparison(Measured direct, Measured proxied) {

        double ratio() {
            return proxied.run().perSecond() / direct.run().perSecond();
        }

        double added(double percentile) {
            return proxied.run().percentileMillis(percentile) - direct.run().percentileMillis(percentile);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "ratio %.2f, added p50 %.2f ms p99 %.2f ms, gateway CPU %.3f ms/req "
                            + "(%s; without JIT %.3f ms/req) | direct %s | proxied %s", ratio(), added(0.50),
                    added(0.99), proxied.gatewayCpuMillisPerRequest(), proxied.gatewayThreads().shares(),
                    proxied.gatewayCpuMillisPerRequestWithoutJit(), direct, proxied);
        }
    }

    private record Options(Duration seconds, Duration warmUp, Duration warmUpMax, int rounds, int connections,
                           Path gatewayJar, Path registryJar, List<String> gatewayJvmOptions,
                           List<Path> compareGatewayJars, List<String> compareGatewayJvmOptions) {

        boolean compared() {
            return !compareGatewayJars.isEmpty() || !compareGatewayJvmOptions.isEmpty();
        }

        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (!arg.startsWith("--") || eq < 0) {
                    throw new IllegalArgumentException("Options look like --name=value; got " + arg);
                }
                given.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
            Options options = new Options(
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("seconds", "20"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("warmup", "15"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("warmup-max", "120"))),
                    Integer.parseInt(given.getOrDefault("rounds", "2")),
                    Integer.parseInt(given.getOrDefault("connections", "8")),
                    given.containsKey("gateway-jar") ? Path.of(given.get("gateway-jar")).toAbsolutePath() : null,
                    given.containsKey("registry-jar") ? Path.of(given.get("registry-jar")).toAbsolutePath() : null,
                    jvmOptions(given.get("gateway-jvm-options")),
                    given.containsKey("compare-gateway-jar") ? Arrays.stream(given.get("compare-gateway-jar").split(","))
                            .map(jar -> Path.of(jar).toAbsolutePath()).toList() : List.of(),
                    jvmOptions(given.get("compare-gateway-jvm-options")));
            given.keySet().removeAll(List.of("seconds", "warmup", "warmup-max", "rounds", "connections", "gateway-jar",
                    "registry-jar", "gateway-jvm-options", "compare-gateway-jar", "compare-gateway-jvm-options"));
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("Unknown options: " + given.keySet());
            }
            return options;
        }

        private static List<String> jvmOptions(String given) {
            return given == null || given.isBlank() ? List.of() : Arrays.asList(given.trim().split("\\s+"));
        }
    }
}
