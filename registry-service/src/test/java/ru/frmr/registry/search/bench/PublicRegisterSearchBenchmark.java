package ru.frmr.registry.search.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import ru.frmr.registry.search.PublicRegisterIndex;
import ru.frmr.registry.search.PublicSearchQuery;

/**
 * Loads synthetic workers into an on-disk public register index and measures search latency
 * for a mix of typical queries. A program, not a test: it takes minutes and needs a quiet
 * machine, so no build phase runs it (it has no {@code @Test}). From the repository root, of a clean clone too
 * ({@code -am} compiles the sibling modules in the same reactor, and the class path names their class directories):
 *
 * <pre>
 * ./mvnw -q -B -pl registry-service -am -DskipTests test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath &amp;&amp; \
 *   java -Xmx2g -cp "registry-service/target/test-classes:registry-service/target/classes:$(cat registry-service/target/bench.classpath)" \
 *     ru.frmr.registry.search.bench.PublicRegisterSearchBenchmark [workers] [queries] [index directory]
 * </pre>
 *
 * <p>Defaults: 1,000,000 workers, 2,000 measured queries after 1,000 warm-up ones, the index in
 * {@code target/public-register-bench} of the working directory (emptied first). The heap holds only the indexing buffer
 * and the page being built; the index itself is memory-mapped outside it.
 */
public final class PublicRegisterSearchBenchmark {

    private static final int WARM_UP_QUERIES = 1_000;

    enum Kind { NAME_PREFIX, INFLECTED_NAME, NAME_WITH_SPECIALTY, FILTER_ONLY }

    private final Random random = new Random(42);

    public static void main(String[] args) {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Path directory = Paths.get(args.length > 2 ? args[2] : "target/public-register-bench");
        new PublicRegisterSearchBenchmark().run(workers, queries, directory);
    }

    private void run(int workers, int queries, Path directory) {
        try (PublicRegisterIndex index = PublicRegisterIndex.onDisk(directory)) {
            long buildStart = System.nanoTime();
            index.clear();
            SyntheticWorkers generator = new SyntheticWorkers(1);
            for (int i = 0; i < workers; i++) {
                index.upsert(generator.next(i));
            }
            index.commit();
            double buildSeconds = (System.nanoTime() - buildStart) / 1e9;

            long refreshStart = System.nanoTime();
            index.search(PublicSearchQuery.byName("иванова"));
            double refreshMillis = (System.nanoTime() - refreshStart) / 1e6;
            // Measured only now: until the first search swaps readers, the previous run's files stay referenced.
            System.out.printf(Locale.ROOT, "index: %,d workers in %.1f s (%,.0f workers/s), %.1f MiB on disk at %s%n",
                    workers, buildSeconds, workers / buildSeconds, sizeOf(directory) / 1048576.0,
                    directory.toAbsolutePath());
            System.out.printf(Locale.ROOT, "first search (opens the reader): %.1f ms%n", refreshMillis);

            for (int i = 0; i < WARM_UP_QUERIES; i++) {
                index.search(query(Kind.values()[i % Kind.values().length]));
            }
            measure(index, queries);
        }
    }

    private void measure(PublicRegisterIndex index, int queries) {
        Map<Kind, List<Long>> latencies = new EnumMap<>(Kind.class);
        Map<Kind, Long> hits = new EnumMap<>(Kind.class);
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            PublicSearchQuery query = query(kind);
            long start = System.nanoTime();
            long total = index.search(query).total();
            long micros = (System.nanoTime() - start) / 1_000;
            latencies.computeIfAbsent(kind, k -> new ArrayList<>()).add(micros);
            hits.merge(kind, total, Long::sum);
            all.add(micros);
        }
        System.out.printf(Locale.ROOT, "%-20s %6s %9s %9s %9s %9s %12s%n",
                "queries", "count", "p50 ms", "p95 ms", "p99 ms", "max ms", "mean total");
        latencies.forEach((kind, values) ->
                print(kind.name(), values, hits.get(kind) / (double) values.size()));
        print("ALL", all, Double.NaN);
    }

    private PublicSearchQuery query(Kind kind) {
        String surname = pick(SyntheticWorkers.SURNAMES);
        boolean female = random.nextBoolean();
        return switch (kind) {
            case NAME_PREFIX -> new PublicSearchQuery(
                    surname.substring(0, Math.min(surname.length(), 3 + random.nextInt(3))).toLowerCase(Locale.ROOT),
                    null, null, null, null, random.nextInt(3), 20);
            case INFLECTED_NAME -> new PublicSearchQuery(
                    inflected(surname, female) + (random.nextBoolean() ? "" : " " + firstName(female)),
                    null, null, null, null, 0, 20);
            case NAME_WITH_SPECIALTY -> new PublicSearchQuery(
                    SyntheticWorkers.surname(surname, female), pick(SyntheticWorkers.SPECIALTIES).code(),
                    null, null, random.nextBoolean() ? "ACTIVE" : null, 0, 20);
            case FILTER_ONLY -> filterOnly();
        };
    }

    private PublicSearchQuery filterOnly() {
        String region = SyntheticWorkers.region(random.nextInt(SyntheticWorkers.REGIONS));
        String specialty = pick(SyntheticWorkers.SPECIALTIES).code();
        int page = random.nextInt(4);
        return switch (random.nextInt(3)) {
            case 0 -> new PublicSearchQuery(null, specialty, region, null, null, page, 20);
            case 1 -> new PublicSearchQuery(null, null, null,
                    "org-" + random.nextInt(SyntheticWorkers.ORGANIZATIONS), null, 0, 20);
            default -> new PublicSearchQuery(null, null, region, null, "EXPIRED", page, 20);
        };
    }

    /** Genitive of a feminine surname ("Ивановой"), dative of a masculine one ("Иванову"). */
    private static String inflected(String masculine, boolean female) {
        String surname = SyntheticWorkers.surname(masculine, female);
        if (female) {
            return endsWithAny(surname, "ова", "ева", "ёва", "ина")
                    ? surname.substring(0, surname.length() - 1) + "ой"
                    : surname;
        }
        return endsWithAny(surname, "ов", "ев", "ёв", "ин", "ук", "ник") ? surname + "у" : surname;
    }

    private static boolean endsWithAny(String value, String... endings) {
        return Arrays.stream(endings).anyMatch(value::endsWith);
    }

    private String firstName(boolean female) {
        return pick(female ? SyntheticWorkers.FEMALE_NAMES : SyntheticWorkers.MALE_NAMES);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static void print(String label, List<Long> micros, double meanTotal) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-20s %6d %9.2f %9.2f %9.2f %9.2f %12s%n", label, sorted.length,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted[sorted.length - 1] / 1000.0,
                Double.isNaN(meanTotal) ? "" : "%,.0f".formatted(meanTotal));
    }

    private static double percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(rank, 0)] / 1000.0;
    }

    private static long sizeOf(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
