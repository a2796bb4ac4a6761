package ru.frmr.observability.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prometheus' own checks of the files: the configuration, the rules, the rules' unit tests, and the PromQL of every
 * dashboard panel (parsed as recording rules, with Grafana's variables replaced). Runs where promtool is installed
 * (Debian's prometheus package; the test command installs it on CI) and reports itself skipped, with the reason,
 * where it is not.
 */
class PromtoolTest {

    private static String promtool;

    @BeforeAll
    static void findPromtool() {
        Optional<String> found = Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "promtool")),
                        Stream.of(Path.of("/usr/bin/promtool")))
                .filter(Files::isExecutable).map(Path::toString).findFirst();
        Assumptions.assumeTrue(found.isPresent(),
                "promtool is not installed (apt-get install -y prometheus): Prometheus' checks of the config, "
                        + "the rules and the rule tests are skipped");
        promtool = found.get();
    }

    @Test
    void configIsValid() throws Exception {
        assertSucceeds(List.of("check", "config", PrometheusConfigTest.CONFIG.toString()));
    }

    @Test
    void rulesAreValid() throws Exception {
        List<String> command = new ArrayList<>(List.of("check", "rules"));
        try (Stream<Path> files = Files.list(AlertRulesFilesTest.RULES)) {
            files.filter(f -> f.toString().endsWith(".yml")).sorted().forEach(f -> command.add(f.toString()));
        }
        assertSucceeds(command);
    }

    @Test
    void ruleTestsPass() throws Exception {
        List<String> command = new ArrayList<>(List.of("test", "rules"));
        AlertRulesFilesTest.testFiles().forEach(f -> command.add(f.toString()));
        assertSucceeds(command);
    }

    @Test
    void everyDashboardExpressionParses(@TempDir Path dir) throws Exception {
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        ObjectMapper json = new ObjectMapper();
        int n = 0;
        try (Stream<Path> files = Files.list(DashboardsGeneratedTest.DIR)) {
            for (Path file : files.sorted().toList()) {
                for (JsonNode expr : json.readTree(file.toFile()).path("panels").findValues("expr")) {
                    rules.append("      - record: dashboard_expression_").append(++n).append("\n        expr: ")
                            .append(json.writeValueAsString(withVariablesReplaced(expr.asText()))).append('\n');
                }
            }
        }
        Path file = dir.resolve("dashboard-expressions.yml");
        Files.writeString(file, rules, StandardCharsets.UTF_8);

        assertThat(n).as("dashboard expressions").isGreaterThan(50);
        assertSucceeds(List.of("check", "rules", file.toString()));
    }

    /** The values Grafana would put in: one service, the intervals of a 1-hour view. */
    static String withVariablesReplaced(String expr) {
        return expr.replace("$__rate_interval", "1m").replace("$__interval", "30s").replace("$__range", "1h")
                .replace("$service", "registry-service");
    }

    private static void assertSucceeds(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(promtool));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished && process.exitValue() == 0).as(String.join(" ", command) + ":\n" + output).isTrue();
    }
}
