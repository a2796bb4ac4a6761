package ru.frmr.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class PrometheusConfigForTargetsTest {

    @Test
    void theRepositorysJobAndRulesWithTheGivenTargetsAndInterval() {
        ObservabilityFiles files = Fixtures.of("good");

        Map<String, Object> config = new Yaml().load(PrometheusConfig.yaml(files, List.of(
                new PrometheusConfig.ScrapeTarget("gateway", "127.0.0.1:40001"),
                new PrometheusConfig.ScrapeTarget("auth-service", "127.0.0.1:40002")), Duration.ofSeconds(2)));

        assertThat(config.get("global")).isEqualTo(Map.of("scrape_interval", "2000ms", "scrape_timeout", "2000ms",
                "evaluation_interval", "2000ms"));
        assertThat(config.get("rule_files")).isEqualTo(List.of(files.dir().resolve("rules/fixture.yml").toString()));
        assertThat(config.get("scrape_configs")).isEqualTo(List.of(Map.of("job_name", "frmr",
                "metrics_path", "/actuator/prometheus", "scheme", "http", "honor_labels", true,
                "static_configs", List.of(
                        Map.of("targets", List.of("127.0.0.1:40001"), "labels", Map.of("service", "gateway")),
                        Map.of("targets", List.of("127.0.0.1:40002"), "labels", Map.of("service", "auth-service"))))));
        assertThat(PrometheusConfig.jobName(files)).isEqualTo("frmr");
    }

    @Test
    void theRuleTestsAndDashboardsAreFound() {
        ObservabilityFiles files = Fixtures.of("broken");

        assertThat(files.ruleTests()).extracting(files::relative).containsExactly("rules/tests/fixture-test.yml");
        assertThat(files.dashboards()).extracting(files::relative).containsExactly("grafana/dashboards/faults.json",
                "grafana/dashboards/not-json.json", "grafana/dashboards/overview.json");
    }
}
