package ru.frmr.infra.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;

/**
 * Benchmark (a program, not a test): what committing and syncing before every answer costs the embedded
 * Mongo's H2 backend, against the stock backend that commits in the background once a second.
 *
 * <p>Run from the repository root (a clean clone too: {@code -am} builds what it needs in the same reactor):
 * <pre>
 * ./mvnw -q -B -pl libs/embedded-infra -am -DskipTests test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath &amp;&amp; \
 *   java -cp "$(cat libs/embedded-infra/target/bench.classpath):libs/embedded-infra/target/classes:libs/embedded-infra/target/test-classes" \
 *     ru.frmr.infra.embedded.H2DurabilityBenchmark [seconds-per-run, default 10]
 * </pre>
 * For each backend it prints acknowledged single-document inserts per second and their p50/p99 latency with 1
 * and with 8 client threads (the driver's default write concern, as the services use), reads per second
 * (findOne by id, 1 thread), and the file size after the runs. The load generator shares the machine.
 */
public final class H2DurabilityBenchmark {

    private static final String PAYLOAD = "x".repeat(400);

    private H2DurabilityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        Path dir = Files.createTempDirectory("h2-bench");
        run("stock H2Backend (background commit, 1 s)", dir.resolve("stock.mv.db"),
                file -> new H2Backend(file.toString()), seconds);
        run("DurableH2Backend (commit + sync per answer)", dir.resolve("durable.mv.db"),
                DurableH2Backend::open, seconds);
    }

    private static void run(String label, Path file, Function<Path, H2Backend> backend, long seconds)
            throws Exception {
        MongoServer server = new MongoServer(backend.apply(file));
        String uri = server.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> docs = client.getDatabase("bench").getCollection("docs");
            docs.insertOne(new Document("_id", "warm-up"));
            System.out.println(label);
            for (int threads : new int[] {1, 8}) {
                List<Long> latencies = load(threads, seconds, (t, i) -> docs.insertOne(
                        new Document("_id", threads + "-" + t + "-" + i).append("payload", PAYLOAD)));
                print("  insert, " + threads + " thread(s)", latencies, seconds);
            }
            List<Long> reads = load(1, seconds, (t, i) -> docs.find(new Document("_id", "warm-up")).first());
            print("  findOne, 1 thread", reads, seconds);
        } finally {
            server.shutdownNow();
        }
        System.out.printf("  file size after the runs: %.1f MiB%n%n", Files.size(file) / 1024.0 / 1024.0);
    }

    interface Op {
        void run(int thread, long iteration);
    }

    private static List<Long> load(int threads, long seconds, Op op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                for (long i = 0; System.nanoTime() < end; i++) {
                    long start = System.nanoTime();
                    op.run(thread, i);
                    latencies.add(System.nanoTime() - start);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        Collections.sort(all);
        return all;
    }

    private static void print(String what, List<Long> sortedNanos, long seconds) {
        System.out.printf("%-26s %8.0f ops/s   p50 %6.2f ms   p99 %6.2f ms%n", what,
                sortedNanos.size() / (double) seconds,
                sortedNanos.get(sortedNanos.size() / 2) / 1e6,
                sortedNanos.get((int) (sortedNanos.size() * 0.99)) / 1e6);
    }
}
