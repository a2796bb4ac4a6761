package ru.frmr.observability.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import ru.frmr.topology.Service;
import ru.frmr.topology.Topology;

/**
 * prometheus.yml scrapes exactly the management ports of the topology's instances (never a public port), one
 * static_config per service labelled with its name, and loads the rule files.
 */
class PrometheusConfigTest {

    // Surefire runs in the module directory, infra/observability.
    static final Path CONFIG = Path.of("prometheus.yml");

    @Test
    @SuppressWarnings("unchecked")
    void scrapesTheManagementPortOfEveryInstanceLabelledWithItsService() throws IOException {
        Map<String, Object> config = load(CONFIG);
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
        assertThat(jobs).as("scrape_configs").hasSize(1);
        Map<String, Object> job = jobs.get(0);
        assertThat(job).containsEntry("job_name", "frmr").containsEntry("metrics_path", "/actuator/prometheus")
                .containsEntry("honor_labels", true);

        List<Map<String, Object>> statics = (List<Map<String, Object>>) job.get("static_configs");
        List<String> scraped = statics.stream()
                .map(s -> ((Map<String, Object>) s.get("labels")).get("service") + " " + s.get("targets"))
                .toList();
        List<String> expected = Topology.LOCAL.services().stream()
                .map(s -> s.name() + " " + managementTargets(s))
                .toList();
        assertThat(scraped).as("service label and targets of each static_config of " + CONFIG
                + " (Topology.LOCAL's management ports)").containsExactlyElementsOf(expected);
        assertThat(statics).allSatisfy(s -> assertThat((Map<String, Object>) s.get("labels")).hasSize(1));
    }

    @Test
    void loadsTheRuleFiles() throws IOException {
        assertThat(load(CONFIG)).containsEntry("rule_files", List.of("rules/*.yml"));
    }

    private static List<String> managementTargets(Service service) {
        return service.instances().stream().map(i -> Topology.HOST + ":" + i.managementPort()).toList();
    }

    static Map<String, Object> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Yaml().load(reader);
        }
    }
}
