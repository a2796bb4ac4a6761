package ru.frmr.observability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What can be checked of the dashboards without Prometheus: every dashboard has a uid of its own, names only data
 * sources the provisioning defines (or Grafana's built-in ones, or a data source variable it defines), and uses only
 * template variables it defines or Grafana's built-in ones.
 */
public final class DashboardCheck {

    /** Grafana's own data sources: annotations and queries ({@code -- Grafana --}), mixed and dashboard sources. */
    static final Set<String> BUILT_IN_DATASOURCES = Set.of("-- Grafana --", "grafana", "-- Mixed --",
            "-- Dashboard --");

    private DashboardCheck() {
    }

    /**
     * @param datasources the uids and names of the provisioned data sources
     */
    public static List<Failure> check(List<Dashboard> dashboards, Set<String> datasources) {
        List<Failure> failures = new ArrayList<>();
        Map<String, String> uids = new LinkedHashMap<>();
        for (Dashboard dashboard : dashboards) {
            String uid = dashboard.uid();
            if (uid.isBlank()) {
                failures.add(new Failure(dashboard.file(), "uid", "", "the dashboard has no uid"));
            } else if (uids.containsKey(uid)) {
                failures.add(new Failure(dashboard.file(), "uid \"" + uid + "\"", "",
                        "the uid is also that of " + uids.get(uid)));
            } else {
                uids.put(uid, dashboard.file());
            }
            failures.addAll(checkDatasources(dashboard, datasources));
            failures.addAll(checkVariables(dashboard));
        }
        return failures;
    }

    private static List<Failure> checkDatasources(Dashboard dashboard, Set<String> datasources) {
        Set<String> datasourceVariables = dashboard.variables().stream()
                .filter(v -> v.type().equals("datasource")).map(Dashboard.Variable::name).collect(Collectors.toSet());
        List<Failure> failures = new ArrayList<>();
        for (Object[] found : dashboard.datasources()) {
            String where = (String) found[0];
            JsonNode value = (JsonNode) found[1];
            // null: the default data source, which the provisioning defines.
            if (value.isNull() || value.isMissingNode()) {
                continue;
            }
            String type = value.path("type").asText("");
            String reference = value.isTextual() ? value.asText() : value.path("uid").asText("");
            if (type.equals("grafana") || type.equals("datasource") || type.equals("__expr__")
                    || BUILT_IN_DATASOURCES.contains(reference)) {
                continue;
            }
            Set<String> variables = TemplateVariables.referenced(reference);
            if (!variables.isEmpty()) {
                if (!datasourceVariables.containsAll(variables)) {
                    failures.add(new Failure(dashboard.file(), where, "", "data source \"" + reference
                            + "\" is no data source variable of the dashboard"));
                }
            } else if (reference.isEmpty()) {
                failures.add(new Failure(dashboard.file(), where, "", "data source without a uid"));
            } else if (!datasources.contains(reference)) {
                failures.add(new Failure(dashboard.file(), where, "", "data source \"" + reference
                        + "\" is not defined by grafana/provisioning/datasources (defined: " + datasources + ")"));
            }
        }
        return failures;
    }

    private static List<Failure> checkVariables(Dashboard dashboard) {
        Set<String> defined = new HashSet<>(TemplateVariables.BUILT_INS);
        dashboard.variables().forEach(v -> defined.add(v.name()));
        List<Failure> failures = new ArrayList<>();
        for (String[] string : dashboard.strings()) {
            for (String name : TemplateVariables.referenced(string[1])) {
                if (!defined.contains(name)) {
                    failures.add(new Failure(dashboard.file(), string[0], string[1],
                            "variable $" + name + " is not defined (templating.list) nor one of Grafana's"));
                }
            }
        }
        return failures;
    }
}
