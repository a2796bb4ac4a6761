package ru.frmr.observability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The files of {@code infra/observability}: {@code prometheus.yml} and the rule files it names, the promtool tests
 * in {@code rules/tests}, the dashboards in {@code grafana/dashboards} and the data sources Grafana's provisioning
 * defines.
 */
public final class ObservabilityFiles {

    private final Path dir;

    public ObservabilityFiles(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(this.dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
    }

    /** {@code infra/observability} under the repository root. */
    public static ObservabilityFiles ofRepository(Path repoRoot) {
        return new ObservabilityFiles(repoRoot.resolve("infra").resolve("observability"));
    }

    public Path dir() {
        return dir;
    }

    public Path prometheusConfig() {
        return dir.resolve("prometheus.yml");
    }

    /** How a file is named in failures: relative to this directory. */
    public String relative(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(dir) ? dir.relativize(absolute).toString() : absolute.toString();
    }

    /**
     * The rule files {@code prometheus.yml} names ({@code rule_files}, globs in the last path element resolved as
     * Prometheus does, relative to the configuration's directory); {@code rules/*.yml} when it names none.
     */
    public List<Path> ruleFiles() {
        List<String> patterns = new ArrayList<>();
        if (Files.isRegularFile(prometheusConfig())) {
            Object listed = asMap(readYaml(prometheusConfig())).get("rule_files");
            if (listed instanceof List<?> list) {
                list.forEach(p -> patterns.add(String.valueOf(p)));
            }
        }
        if (patterns.isEmpty()) {
            patterns.add("rules/*.yml");
        }
        Set<Path> files = new LinkedHashSet<>();
        for (String pattern : patterns) {
            files.addAll(glob(dir.resolve(pattern).normalize()));
        }
        return List.copyOf(files);
    }

    /** The promtool unit tests of the rules: {@code rules/tests/*.yml}. */
    public List<Path> ruleTests() {
        return glob(dir.resolve("rules/tests/*.yml"));
    }

    /** The dashboards: {@code grafana/dashboards/**.json}, in name order. */
    public List<Path> dashboards() {
        Path dashboards = dir.resolve("grafana/dashboards");
        if (!Files.isDirectory(dashboards)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dashboards)) {
            return files.filter(f -> f.toString().endsWith(".json") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The uids and names of the data sources {@code grafana/provisioning/datasources/*.yml} define: what a dashboard's
     * {@code datasource} may name.
     */
    public Set<String> datasourceReferences() {
        Set<String> references = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>(glob(dir.resolve("grafana/provisioning/datasources/*.yml")));
        files.addAll(glob(dir.resolve("grafana/provisioning/datasources/*.yaml")));
        for (Path file : files) {
            if (asMap(readYaml(file)).get("datasources") instanceof List<?> datasources) {
                for (Object datasource : datasources) {
                    Map<?, ?> ds = asMap(datasource);
                    for (String key : List.of("uid", "name")) {
                        if (ds.get(key) != null) {
                            references.add(String.valueOf(ds.get(key)));
                        }
                    }
                }
            }
        }
        return references;
    }

    static Object readYaml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static Map<?, ?> asMap(Object yaml) {
        return yaml instanceof Map<?, ?> map ? map : Map.of();
    }

    /** The files matching a pattern whose last element may hold a glob ({@code rules/*.yml}); sorted. */
    static List<Path> glob(Path pattern) {
        Path parent = pattern.getParent();
        String last = pattern.getFileName().toString();
        if (parent == null || !Files.isDirectory(parent)) {
            return List.of();
        }
        if (!last.matches(".*[*?\\[{].*")) {
            return Files.isRegularFile(pattern) ? List.of(pattern) : List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + last);
        try (Stream<Path> files = Files.list(parent)) {
            return files.filter(f -> Files.isRegularFile(f) && matcher.matches(f.getFileName())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
