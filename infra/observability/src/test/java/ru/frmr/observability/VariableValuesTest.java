package ru.frmr.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class VariableValuesTest {

    /** The label values API as a map: "label|match" to values; what was asked is recorded. */
    private final List<String> asked = new ArrayList<>();

    private VariableValues values(Map<String, List<String>> answers) {
        return new VariableValues((label, match) -> {
            asked.add(label + "|" + match);
            return answers.getOrDefault(label + "|" + match, List.of());
        }, "frmr-prometheus");
    }

    private static Dashboard.Variable query(String name, String query, boolean includeAll) {
        return new Dashboard.Variable(name, "query", query, includeAll, "", "");
    }

    @Test
    void everyValueThenAllAsARegexAlternation() {
        VariableValues values = values(Map.of("service|up{job=\"frmr\"}", List.of("gateway", "auth.service")));

        VariableValues.Combinations combinations = values.combinations(
                List.of(query("service", "label_values(up{job=\"frmr\"}, service)", true)));

        assertThat(combinations.values()).extracting(c -> c.get("service"))
                .containsExactly("gateway", "auth.service", "(gateway|auth\\.service)");
        assertThat(combinations.values().get(0)).containsEntry("__rate_interval", "1m");
        assertThat(combinations.unresolved()).isEmpty();
    }

    @Test
    void chainedVariablesAreResolvedWithTheValuesBeforeThem() {
        VariableValues values = values(Map.of("service|up", List.of("a", "b"),
                "uri|http_server_requests_seconds_count{service=\"a\"}", List.of("/x"),
                "uri|http_server_requests_seconds_count{service=\"b\"}", List.of("/y", "/z")));

        VariableValues.Combinations combinations = values.combinations(List.of(
                query("service", "label_values(up, service)", false),
                query("uri", "label_values(http_server_requests_seconds_count{service=\"$service\"}, uri)", false)));

        assertThat(combinations.values()).extracting(c -> c.get("service") + c.get("uri"))
                .containsExactly("a/x", "b/y", "b/z");
    }

    @Test
    void aVariableWithoutValuesIsUnresolvedAndTheOthersGoOn() {
        VariableValues.Combinations combinations = values(Map.of("l|", List.of("v"))).combinations(List.of(
                query("none", "label_values(nothing, service)", false), query("l", "label_values(l)", false)));

        assertThat(combinations.unresolved()).containsOnlyKeys("none");
        assertThat(combinations.unresolved().get("none")).contains("resolves to no value");
        assertThat(combinations.values()).extracting(c -> c.get("l")).containsExactly("v");
        assertThat(asked).containsExactly("service|nothing", "l|");
    }

    @Test
    void otherQueriesAndTypesAreReportedNotGuessed() {
        VariableValues.Combinations combinations = values(Map.of()).combinations(List.of(
                query("q", "query_result(up)", false),
                new Dashboard.Variable("s", "system", "", false, "", "")));

        assertThat(combinations.unresolved()).containsOnlyKeys("q", "s");
        assertThat(combinations.unresolved().get("q")).contains("only label_values");
    }

    @Test
    void customConstantIntervalAndDataSourceVariables() throws Exception {
        VariableValues values = values(Map.of());

        assertThat(values.values(new Dashboard.Variable("c", "custom", "a, Bee : b,c\\,d", true, ".*", ""), Map.of()))
                .containsExactly("a", "b", "c,d", ".*");
        assertThat(values.values(new Dashboard.Variable("k", "constant", "frmr", false, "", ""), Map.of()))
                .containsExactly("frmr");
        assertThat(values.values(new Dashboard.Variable("i", "interval", "1m,5m", false, "", ""), Map.of()))
                .containsExactly("1m");
        assertThat(values.values(new Dashboard.Variable("d", "datasource", "prometheus", false, "", ""), Map.of()))
                .containsExactly("frmr-prometheus");
    }

    @Test
    void theRegexFiltersAndCaptures() {
        assertThat(VariableValues.filter(List.of("auth-service", "gateway", "Audit-service"), "/(.*)-service/i"))
                .containsExactly("auth", "Audit");
        assertThat(VariableValues.filter(List.of("a1", "b2"), "b")).containsExactly("b2");
    }

    @Test
    void tooManyCombinationsAreCutAndSaidSo() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            many.add("v" + i);
        }
        VariableValues values = values(Map.of("a|", many, "b|", many));

        VariableValues.Combinations combinations = values.combinations(List.of(query("a", "label_values(a)", false),
                query("b", "label_values(b)", false)));

        assertThat(combinations.values()).hasSize(VariableValues.MAX_COMBINATIONS);
        assertThat(combinations.truncated()).isTrue();
    }
}
