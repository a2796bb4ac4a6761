package ru.frmr.observability.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every alert says how bad it is, what happened and where its runbook is, and has promtool tests both ways: input on
 * which it fires and input on which it stays silent. (That the tests pass is {@link PromtoolTest}'s job.)
 */
class AlertRulesFilesTest {

    static final Path RULES = Path.of("rules");
    static final Path TESTS = RULES.resolve("tests");
    static final Path RUNBOOKS = Path.of("README.md");

    private static List<Map<String, Object>> alerts;

    @BeforeAll
    static void load() throws IOException {
        alerts = rules(RULES.resolve("alerts.yml")).stream().filter(r -> r.containsKey("alert")).toList();
        assertThat(alerts).as("alerts").isNotEmpty();
    }

    @Test
    void namesAreUnique() {
        assertThat(alerts).extracting(a -> a.get("alert")).doesNotHaveDuplicates()
                .contains("FrmrServiceDown", "FrmrHighErrorRate", "FrmrHighLatency", "FrmrKafkaConsumerLag",
                        "FrmrRelayBacklog", "FrmrDeadLetters", "FrmrLockoutBurst", "FrmrFailedLoginBurst",
                        "FrmrLicenceExpiryBacklog", "FrmrAuditChainBroken", "FrmrProductionCalendarRunningOut",
                        "FrmrNotificationDeliveryFailing", "FrmrWebhookDeliveriesFailing");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasSeveritySummaryDescriptionAndARunbookThatExists() throws IOException {
        String runbooks = Files.readString(RUNBOOKS, StandardCharsets.UTF_8);
        for (Map<String, Object> alert : alerts) {
            String name = (String) alert.get("alert");
            Map<String, Object> labels = (Map<String, Object>) alert.getOrDefault("labels", Map.of());
            Map<String, Object> annotations = (Map<String, Object>) alert.getOrDefault("annotations", Map.of());

            assertThat(labels.get("severity")).as(name + " severity").isIn("page", "ticket");
            assertThat((String) annotations.get("summary")).as(name + " summary").isNotBlank();
            assertThat((String) annotations.get("description")).as(name + " description").isNotBlank();
            String anchor = name.toLowerCase(Locale.ROOT);
            assertThat(annotations.get("runbook")).as(name + " runbook")
                    .isEqualTo("infra/observability/README.md#" + anchor);
            assertThat(runbooks).as(RUNBOOKS.toAbsolutePath() + " has the heading of " + name + "'s runbook")
                    .containsPattern("(?m)^#{2,4} " + name + "\\s*$");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertIsTestedFiringAndSilent() throws IOException {
        Set<String> fired = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        Set<String> ruleFiles;
        try (Stream<Path> files = Files.list(RULES)) {
            ruleFiles = new TreeSet<>(files.filter(f -> f.toString().endsWith(".yml"))
                    .map(f -> "../" + f.getFileName()).toList());
        }
        for (Path file : testFiles()) {
            Map<String, Object> test = PrometheusConfigTest.load(file);
            assertThat(new TreeSet<>((List<String>) test.get("rule_files"))).as(file + " loads every rule file")
                    .isEqualTo(ruleFiles);
            for (Map<String, Object> group : (List<Map<String, Object>>) test.get("tests")) {
                for (Map<String, Object> check : (List<Map<String, Object>>) group.getOrDefault("alert_rule_test",
                        List.of())) {
                    List<Object> expected = (List<Object>) check.get("exp_alerts");
                    (expected == null || expected.isEmpty() ? silent : fired).add((String) check.get("alertname"));
                }
            }
        }
        Set<String> names = new TreeSet<>(alerts.stream().map(a -> (String) a.get("alert")).toList());

        assertThat(fired).as("alerts some promtool test expects to fire").containsAll(names);
        assertThat(silent).as("alerts some promtool test expects to stay silent").containsAll(names);
        Set<String> unknown = new HashSet<>(fired);
        unknown.addAll(silent);
        unknown.removeAll(names);
        assertThat(unknown).as("alert names in the tests that no rule has").isEmpty();
    }

    static List<Path> testFiles() throws IOException {
        try (Stream<Path> files = Files.list(TESTS)) {
            List<Path> tests = files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
            assertThat(tests).as("promtool tests in " + TESTS).isNotEmpty();
            return tests;
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules(Path file) throws IOException {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) PrometheusConfigTest.load(file).get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }
}
