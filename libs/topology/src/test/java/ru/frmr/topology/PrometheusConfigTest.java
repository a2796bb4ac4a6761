package ru.frmr.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Prometheus scrapes exactly the management ports of the topology's instances, and nothing on a public port. */
class PrometheusConfigTest {

    private static final Path CONFIG = Path.of("../../infra/observability/prometheus.yml");
    private static final Pattern TARGET = Pattern.compile("(?m)^\\s+- (\\d+\\.\\d+\\.\\d+\\.\\d+:\\d+)\\s*$");

    @Test
    void scrapesTheManagementPortOfEveryInstance() throws IOException {
        String config = Files.readString(CONFIG);
        List<String> targets = TARGET.matcher(config).results().map(m -> m.group(1)).toList();

        List<String> expected = Topology.LOCAL.services().stream()
                .flatMap(s -> s.instances().stream())
                .map(i -> Topology.HOST + ":" + i.managementPort())
                .toList();
        assertThat(targets).as("targets in " + CONFIG).containsExactlyElementsOf(expected);
        Matcher path = Pattern.compile("metrics_path: (\\S+)").matcher(config);
        assertThat(path.find()).isTrue();
        assertThat(path.group(1)).isEqualTo("/actuator/prometheus");
    }
}
