package ru.frmr.observability.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The committed dashboards under grafana/dashboards are what {@link Dashboards} generates, and nothing else is there.
 * Regenerate them with {@code ./mvnw -o -q -B -pl infra/observability -am test -Dtest=DashboardsGeneratedTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfrmr.observability.write=true}.
 */
class DashboardsGeneratedTest {

    // Surefire runs in the module directory, infra/observability.
    static final Path DIR = Path.of("grafana/dashboards");

    @Test
    void committedDashboardsAreTheGeneratedOnes() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, ObjectNode> generated = new Dashboards(json).all();
        boolean write = Boolean.getBoolean("frmr.observability.write");
        if (write) {
            for (Map.Entry<String, ObjectNode> dashboard : generated.entrySet()) {
                Files.writeString(DIR.resolve(dashboard.getKey()), render(json, dashboard.getValue()),
                        StandardCharsets.UTF_8);
            }
        }

        try (Stream<Path> files = Files.list(DIR)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .as("files in " + DIR + " (delete those no longer generated)")
                    .containsExactlyElementsOf(generated.keySet().stream().sorted().toList());
        }
        for (Map.Entry<String, ObjectNode> dashboard : generated.entrySet()) {
            assertThat(Files.readString(DIR.resolve(dashboard.getKey()), StandardCharsets.UTF_8))
                    .as(dashboard.getKey() + " differs from what Dashboards generates; regenerate with -Dtest="
                            + "DashboardsGeneratedTest -Dfrmr.observability.write=true (see this test's comment)")
                    .isEqualTo(render(json, dashboard.getValue()));
        }
    }

    @Test
    void everyServiceOfTheTopologyHasADashboard() {
        Map<String, ObjectNode> generated = new Dashboards(new ObjectMapper()).all();

        assertThat(generated.keySet()).contains("service-registry-service.json", "service-gateway.json",
                "overview.json", "security.json", "business.json");
        assertThat(Dashboards.PARTS.keySet()).hasSameElementsAs(ru.frmr.topology.Topology.LOCAL.services().stream()
                .map(ru.frmr.topology.Service::name).toList());
    }

    /** Two-space indent, one value per line, "key": value, a final newline: diffs of a changed panel stay small. */
    static String render(ObjectMapper json, ObjectNode dashboard) throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return json.writer(printer).writeValueAsString(dashboard) + "\n";
    }
}
