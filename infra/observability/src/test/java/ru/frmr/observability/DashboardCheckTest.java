package ru.frmr.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DashboardCheckTest {

    @Test
    void theGoodFixturePasses() throws IOException {
        ObservabilityFiles files = Fixtures.of("good");

        assertThat(DashboardCheck.check(read(files), files.datasourceReferences())).isEmpty();
    }

    @Test
    void reportsADuplicateUidAnUndefinedDataSourceAndEveryUndefinedVariable() throws IOException {
        ObservabilityFiles files = Fixtures.of("broken");

        List<Failure> failures = DashboardCheck.check(read(files), files.datasourceReferences());

        assertThat(failures).extracting(f -> f.file() + " | " + f.where() + " | " + f.problem()).containsExactly(
                "grafana/dashboards/faults.json | panels[0].datasource | data source \"nowhere\" is not defined by "
                        + "grafana/provisioning/datasources (defined: [fixture-prometheus, Prometheus])",
                "grafana/dashboards/faults.json | panels[2].title | variable $instance is not defined "
                        + "(templating.list) nor one of Grafana's",
                "grafana/dashboards/faults.json | panels[2].targets[0].expr | variable $instance is not defined "
                        + "(templating.list) nor one of Grafana's",
                "grafana/dashboards/overview.json | uid \"fixture-overview\" | the uid is also that of "
                        + "grafana/dashboards/faults.json");
    }

    @Test
    void aDashboardWithoutUidAndADataSourceVariable() throws IOException {
        Dashboard dashboard = Dashboard.parse("""
                {"templating": {"list": [{"name": "ds", "type": "datasource", "query": "prometheus"}]},
                 "panels": [{"datasource": "${ds}", "targets": [{"datasource": {"uid": "$other"}, "expr": "up"}]},
                            {"datasource": {"type": "prometheus"}}]}""", "x.json");

        assertThat(DashboardCheck.check(List.of(dashboard), Set.of("p"))).extracting(Failure::where, Failure::problem)
                .containsExactlyInAnyOrder(
                        tuple("uid", "the dashboard has no uid"),
                        tuple("panels[0].targets[0].datasource.uid",
                                "variable $other is not defined (templating.list) nor one of Grafana's"),
                        tuple("panels[0].targets[0].datasource",
                                "data source \"$other\" is no data source variable of the dashboard"),
                        tuple("panels[1].datasource", "data source without a uid"));
    }

    @Test
    void readsTargetsInsideCollapsedRowsAndTheVariables() throws IOException {
        Dashboard overview = Dashboard.read(Fixtures.of("good").dir().resolve("grafana/dashboards/overview.json"),
                "overview.json");

        assertThat(overview.targets()).extracting(Dashboard.Target::where).containsExactly(
                "panel \"Requests of $service\" (id 1) target A", "panel \"Threads\" (id 3) target A",
                "panel \"Threads\" (id 3) target B");
        assertThat(overview.variables()).extracting(Dashboard.Variable::name, Dashboard.Variable::query)
                .containsExactly(tuple("service", "label_values(up{job=\"frmr\"}, service)"),
                        tuple("uri",
                                "label_values(http_server_requests_seconds_count{service=~\"$service\"}, uri)"));
    }

    @Test
    void notJsonIsAnError() {
        Path notJson = Fixtures.of("broken").dir().resolve("grafana/dashboards/not-json.json");

        assertThatThrownBy(() -> Dashboard.read(notJson, "not-json.json")).isInstanceOf(IOException.class);
    }

    private static List<Dashboard> read(ObservabilityFiles files) throws IOException {
        List<Dashboard> dashboards = new ArrayList<>();
        for (Path path : files.dashboards()) {
            if (!path.getFileName().toString().equals("not-json.json")) {
                dashboards.add(Dashboard.read(path, files.relative(path)));
            }
        }
        return dashboards;
    }
}
