package ru.frmr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import ru.frmr.kit.indexes.IndexCatalogue;

/**
 * Every query the services sent to Mongo during this run of the suite has an index a real MongoDB would use: the
 * services record the shape of each query and each index they declare (the kit's QueryShapeRecorder, switched on by
 * {@link Platform} with {@code frmr.mongo.query-shapes.file}), and this class, run after all the others
 * ({@link SharedPlatformClassesFirst}), checks them with the kit's {@link IndexCatalogue} and writes the catalogue,
 * query by query with the index that serves it, to {@code target/query-index-catalogue.md}. The embedded Mongo
 * server ignores non-unique indexes, so no timing here could show a missing one; this is the check that does.
 * A query that reads a whole collection on purpose is named, with its reason, in
 * {@code src/test/resources/query-index-allowlist.txt}.
 */
class QueryIndexCatalogueIT {

    private static final Path DIR = freshDirectory(Path.of("target", "query-shapes").toAbsolutePath());
    private static final List<String> SERVICES = List.of(Platform.AUTH, Platform.REGISTRY, Platform.EMPLOYER,
            Platform.DOCUMENTS, Platform.NOTIFICATION, Platform.AUDIT, Platform.PORTAL);

    /** The file a service records to; the first call of this run empties what an earlier run left. */
    static Path shapesFile(String service) {
        return DIR.resolve(service + ".jsonl");
    }

    @Test
    void everyQueryOfTheRunHasAnIndexThatServesIt() throws IOException {
        List<Path> files;
        try (var all = Files.list(DIR)) {
            // Every process's file: the services' and their second copies' (registry-service-2 in PlatformE2EIT).
            files = all.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        assumeTrue(!files.isEmpty(), "no query shapes recorded: this check reads what the other e2e classes of the "
                + "same run made the services do, so it runs with them, not alone");
        assertThat(SERVICES).as("every service with a database records its queries")
                .allSatisfy(service -> assertThat(shapesFile(service)).exists());

        IndexCatalogue catalogue = IndexCatalogue.read(files, allowList());
        Path report = Path.of("target", "query-index-catalogue.md");
        Files.writeString(report, catalogue.report(), StandardCharsets.UTF_8);

        assertThat(catalogue.queryCount()).as("queries recorded").isPositive();
        assertThat(catalogue.unserved()).as("queries no declared index serves (catalogue: %s)",
                report.toAbsolutePath()).isEmpty();
    }

    private static Map<String, String> allowList() throws IOException {
        Map<String, String> allowed = new LinkedHashMap<>();
        try (var in = Objects.requireNonNull(QueryIndexCatalogueIT.class.getResourceAsStream(
                "/query-index-allowlist.txt"), "query-index-allowlist.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int bar = line.lastIndexOf(" | ");
                if (bar < 0) {
                    throw new IllegalStateException("allow-list line without ' | reason': " + line);
                }
                allowed.put(line.substring(0, bar).strip(), line.substring(bar + 3).strip());
            }
        }
        return allowed;
    }

    private static Path freshDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            try (var old = Files.list(dir)) {
                for (Path f : old.toList()) {
                    Files.delete(f);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
