package ru.frmr.observability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Prometheus query check: given the repository's {@code infra/observability} files and a Prometheus that scrapes
 * the running platform (with the repository's rules loaded), it
 * <ol>
 * <li>runs {@code promtool check config}, {@code check rules} and {@code test rules} (when promtool is given);</li>
 * <li>checks the dashboards' JSON ({@link DashboardCheck}: uids, data sources, variables defined);</li>
 * <li>evaluates every recording rule's expression, which must return series;</li>
 * <li>evaluates every alert rule's expression, which must be valid, and requires every metric it names to have
 * series (see {@link #checkAlert});</li>
 * <li>resolves every dashboard's template variables ({@link VariableValues}) and evaluates every panel target with
 * each combination of their values, which must return series;</li>
 * </ol>
 * and reports every failure together. A run with no rule file or no dashboard fails too: there would be nothing
 * checked.
 */
public final class QueryCheck {

    /**
     * Series that exist only while an alert fires; an alert may refer to them (inhibition-like rules), and their
     * absence on a healthy platform is no fault.
     */
    private static final Set<String> ONLY_WHILE_FIRING = Set.of("ALERTS", "ALERTS_FOR_STATE");

    private final ObservabilityFiles files;
    private final PrometheusClient prometheus;
    private final Path promtool;
    /** Metric name to whether it has series, asked once per run. */
    private final Map<String, Boolean> hasSeries = new HashMap<>();

    /** @param promtool the promtool binary, or null to leave promtool's checks out */
    public QueryCheck(ObservabilityFiles files, PrometheusClient prometheus, Path promtool) {
        this.files = files;
        this.prometheus = prometheus;
        this.promtool = promtool;
    }

    public CheckReport run() {
        CheckReport report = new CheckReport();
        if (promtool != null) {
            report.addAll(new Promtool(promtool, files).checkAll());
        }
        checkRules(report);
        checkDashboards(report);
        return report;
    }

    private void checkRules(CheckReport report) {
        List<Path> ruleFiles = files.ruleFiles();
        if (ruleFiles.isEmpty()) {
            report.add(new Failure(files.relative(files.prometheusConfig()), "rule_files", "",
                    "no rule file found: nothing to check"));
        }
        for (Path path : ruleFiles) {
            List<Rules.Rule> rules;
            try {
                rules = Rules.read(path, files.relative(path));
            } catch (RuntimeException e) {
                report.add(new Failure(files.relative(path), "YAML", "", e.getMessage()));
                continue;
            }
            for (Rules.Rule rule : rules) {
                report.countRule();
                if (rule.alert()) {
                    checkAlert(rule, report);
                } else {
                    evaluate(rule.file(), rule.where(), rule.expr(), report);
                }
            }
        }
    }

    /**
     * An alert's expression is evaluated for errors only: on a healthy platform it rightly returns nothing (an error
     * ratio above 5%, a consumer lag above its limit). Removing its final comparison would not make it return series
     * either: the ratio's numerator, {@code status=~"5.."}, is empty while nothing fails, and {@code absent(x)} is
     * empty while x is there. So instead every metric the expression names must have series, whatever its labels:
     * that catches the misspelt or missing metric, which is what leaves an alert silent forever; a misspelt label
     * value it does not catch.
     */
    private void checkAlert(Rules.Rule rule, CheckReport report) {
        PrometheusClient.QueryResult result = query(rule.expr(), report);
        if (result.error() != null) {
            report.add(new Failure(rule.file(), rule.where(), rule.expr(), result.error()));
            return;
        }
        for (String name : Promql.metricNames(rule.expr())) {
            if (ONLY_WHILE_FIRING.contains(name)) {
                continue;
            }
            if (!hasSeries.computeIfAbsent(name, n -> query("count({__name__=\"" + n + "\"})", report).series() > 0)) {
                report.add(new Failure(rule.file(), rule.where(), rule.expr(), "metric " + name + " has no series"));
            }
        }
    }

    private void checkDashboards(CheckReport report) {
        List<Dashboard> dashboards = new ArrayList<>();
        for (Path path : files.dashboards()) {
            try {
                dashboards.add(Dashboard.read(path, files.relative(path)));
            } catch (IOException e) {
                report.add(new Failure(files.relative(path), "JSON", "", e.getMessage()));
            }
        }
        if (dashboards.isEmpty()) {
            report.add(new Failure("grafana/dashboards", "*.json", "", "no dashboard found: nothing to check"));
        }
        Set<String> datasources = files.datasourceReferences();
        report.addAll(DashboardCheck.check(dashboards, datasources));
        VariableValues variables = new VariableValues(this::labelValues,
                datasources.stream().findFirst().orElse(""));
        for (Dashboard dashboard : dashboards) {
            report.countDashboard();
            evaluatePanels(dashboard, variables, report);
        }
    }

    private void evaluatePanels(Dashboard dashboard, VariableValues variables, CheckReport report) {
        VariableValues.Combinations combinations = variables.combinations(dashboard.variables());
        combinations.unresolved().forEach((name, problem) ->
                report.add(new Failure(dashboard.file(), "templating variable " + name, "", problem)));
        if (combinations.truncated()) {
            report.add(new Failure(dashboard.file(), "templating", "", "more than "
                    + VariableValues.MAX_COMBINATIONS + " combinations of variable values; the rest not checked"));
        }
        for (Dashboard.Target target : dashboard.targets()) {
            Set<String> used = TemplateVariables.referenced(target.expr());
            if (combinations.unresolved().keySet().stream().anyMatch(used::contains)) {
                // Its variable's failure is reported; the target cannot be evaluated without a value.
                continue;
            }
            // The same expression for several combinations (one not using a variable) is evaluated once; failures
            // of one target are grouped by problem, naming the values each happened with.
            Map<String, String> evaluated = new LinkedHashMap<>();
            Map<String, List<String>> valuesByProblem = new LinkedHashMap<>();
            Map<String, String> expressionByProblem = new LinkedHashMap<>();
            for (Map<String, String> combination : combinations.values()) {
                String expr = TemplateVariables.substitute(target.expr(), combination);
                // "" for none: a map keeps no null, and the expression would be asked again.
                String problem = evaluated.computeIfAbsent(expr, e -> Objects.requireNonNullElse(
                        problem(query(e, report)), ""));
                if (!problem.isEmpty()) {
                    String values = combination.entrySet().stream()
                            .filter(v -> used.contains(v.getKey()) && !TemplateVariables.BUILT_INS.contains(v.getKey()))
                            .map(v -> v.getKey() + "=" + v.getValue()).collect(Collectors.joining(", "));
                    valuesByProblem.computeIfAbsent(problem, p -> new ArrayList<>()).add(values);
                    expressionByProblem.putIfAbsent(problem, expr);
                }
            }
            valuesByProblem.forEach((problem, values) -> {
                String with = values.stream().allMatch(String::isEmpty) ? "" : " with " + values.stream()
                        .distinct().map(v -> "[" + v + "]").collect(Collectors.joining(" "));
                report.add(new Failure(dashboard.file(), target.where() + with, expressionByProblem.get(problem),
                        problem));
            });
        }
    }

    private void evaluate(String file, String where, String expr, CheckReport report) {
        String problem = problem(query(expr, report));
        if (problem != null) {
            report.add(new Failure(file, where, expr, problem));
        }
    }

    private static String problem(PrometheusClient.QueryResult result) {
        if (result.error() != null) {
            return result.error();
        }
        return result.series() == 0 ? "no series" : null;
    }

    private PrometheusClient.QueryResult query(String expr, CheckReport report) {
        report.countExpression();
        try {
            return prometheus.query(expr);
        } catch (IOException e) {
            return new PrometheusClient.QueryResult("cannot ask Prometheus: " + e.getMessage(), 0, Double.NaN);
        }
    }

    private List<String> labelValues(String label, String match) throws IOException {
        return prometheus.labelValues(label, match);
    }
}
