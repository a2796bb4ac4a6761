package ru.frmr.observability.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The committed dashboards as Grafana would load them through the provisioning: each parses, uids are unique, every
 * data source it names is provisioned, every variable it uses is defined, every panel queries and says its unit.
 */
class DashboardFilesTest {

    static final Path DATASOURCES = Path.of("grafana/provisioning/datasources/prometheus.yml");
    static final Path PROVIDERS = Path.of("grafana/provisioning/dashboards/frmr.yml");

    /** Grafana's global variables (those a Prometheus query may use). */
    static final Set<String> BUILT_INS = Set.of("__rate_interval", "__interval", "__interval_ms", "__range",
            "__range_s", "__range_ms", "__from", "__to", "__dashboard", "__org", "__user", "__name", "timeFilter");
    private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?}"
            + "|([A-Za-z_][A-Za-z0-9_]*))|\\[\\[([A-Za-z_][A-Za-z0-9_]*)(?::[^\\]]*)?]]");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, JsonNode> dashboards;

    @BeforeAll
    static void load() throws IOException {
        dashboards = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(DashboardsGeneratedTest.DIR)) {
            for (Path file : files.sorted().toList()) {
                assertThat(file.getFileName().toString()).as("only dashboards in " + DashboardsGeneratedTest.DIR)
                        .endsWith(".json");
                dashboards.put(file.getFileName().toString(), JSON.readTree(file.toFile()));
            }
        }
        assertThat(dashboards).as("dashboards").isNotEmpty();
    }

    @Test
    void uidsAreUniqueAndNamedFrmr() {
        List<String> uids = dashboards.values().stream().map(d -> d.path("uid").asText()).toList();

        assertThat(uids).doesNotHaveDuplicates().allMatch(uid -> uid.matches("frmr-[a-z0-9-]+"), "frmr-<name>")
                .allMatch(uid -> uid.length() <= 40, "at most 40 characters (Grafana's limit)")
                .contains("frmr-overview", "frmr-security", "frmr-business", "frmr-service-registry-service");
        assertThat(dashboards.values()).allSatisfy(d -> {
            assertThat(d.path("title").asText()).isNotBlank();
            assertThat(d.path("schemaVersion").asInt()).isEqualTo(39);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDataSourceUsedIsProvisioned() throws IOException {
        List<Map<String, Object>> provisioned = (List<Map<String, Object>>) PrometheusConfigTest.load(DATASOURCES)
                .get("datasources");
        Set<String> defined = new HashSet<>();
        provisioned.forEach(d -> defined.add((String) d.get("uid")));
        assertThat(defined).contains(Panels.DATASOURCE_UID);

        dashboards.forEach((file, dashboard) -> {
            List<JsonNode> used = dashboard.findValues("datasource");
            assertThat(used).as(file + " names a data source").isNotEmpty();
            assertThat(used).as(file + ": data sources (by uid, each provisioned)")
                    .allSatisfy(ds -> assertThat(ds.path("uid").asText()).isIn(defined));
        });
    }

    @Test
    void everyVariableUsedIsDefinedOrBuiltIn() {
        dashboards.forEach((file, dashboard) -> {
            Set<String> defined = new HashSet<>(BUILT_INS);
            dashboard.path("templating").path("list").forEach(v -> defined.add(v.path("name").asText()));

            assertThat(variablesUsed(dashboard.path("panels").toString())).as(file + ": variables used")
                    .isSubsetOf(defined);
            assertThat(variablesUsed(dashboard.path("templating").toString())).as(file + ": variables used")
                    .isSubsetOf(defined);
        });
    }

    @Test
    void theVariableCheckSeesEveryWayOfWritingAVariable() {
        assertThat(variablesUsed("rate(x{service=~\"$service\",a=\"${region:regex}\",b=\"[[zone]]\"}[$__rate_interval])"))
                .containsExactlyInAnyOrder("service", "region", "zone", "__rate_interval");
    }

    @Test
    void everyPanelQueriesPrometheusWithAUnitAndATitle() {
        dashboards.forEach((file, dashboard) -> {
            List<JsonNode> panels = new ArrayList<>();
            dashboard.path("panels").forEach(panels::add);
            assertThat(panels).as(file + " has panels").isNotEmpty();
            assertThat(panels).as(file + ": ids unique").extracting(p -> p.path("id").asInt()).doesNotHaveDuplicates();
            for (JsonNode panel : panels) {
                String name = file + " «" + panel.path("title").asText() + "»";
                assertThat(panel.path("title").asText()).as(file + ": panel title").isNotBlank();
                if (panel.path("type").asText().equals("row")) {
                    continue;
                }
                assertThat(panel.path("fieldConfig").path("defaults").path("unit").asText()).as(name + " unit")
                        .isNotBlank();
                assertThat(panel.path("targets")).as(name + " targets").isNotEmpty();
                panel.path("targets").forEach(target -> {
                    assertThat(target.path("expr").asText()).as(name + " expr").isNotBlank();
                    assertThat(target.path("datasource").path("type").asText()).isEqualTo("prometheus");
                });
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theProvisioningLoadsTheDashboardsFromFiles() throws IOException {
        List<Map<String, Object>> providers = (List<Map<String, Object>>) PrometheusConfigTest.load(PROVIDERS)
                .get("providers");

        assertThat(providers).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("type", "file");
            assertThat((Map<String, Object>) p.get("options")).containsKey("path");
        });
    }

    static Set<String> variablesUsed(String text) {
        Set<String> used = new HashSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            used.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return used;
    }
}
