package ru.frmr.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One Grafana dashboard (JSON model): its uid, template variables and the Prometheus expressions of its panels. */
public final class Dashboard {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A template variable.
     *
     * @param type       {@code query}, {@code custom}, {@code constant}, {@code textbox}, {@code interval},
     *                   {@code datasource}, {@code adhoc}
     * @param query      a query variable's query ({@code label_values(up{job="frmr"}, service)}), a custom one's
     *                   comma-separated values, a constant's value
     * @param includeAll whether "All" is one of its choices
     * @param allValue   what "All" stands for when set; otherwise Grafana puts every value as a regex alternation
     * @param regex      a query variable's filter of its values, empty for none
     */
    public record Variable(String name, String type, String query, boolean includeAll, String allValue,
                           String regex) {
    }

    /**
     * One panel query.
     *
     * @param where the panel's title and id and the target's refId, to find it in the dashboard
     */
    public record Target(String where, String expr) {
    }

    private final String file;
    private final JsonNode json;

    Dashboard(String file, JsonNode json) {
        this.file = file;
        this.json = json;
    }

    /** Reads a dashboard; {@code file} names it in failures. */
    public static Dashboard read(Path path, String file) throws IOException {
        return parse(Files.readString(path), file);
    }

    static Dashboard parse(String text, String file) throws IOException {
        JsonNode json = JSON.readTree(text);
        if (json == null || !json.isObject()) {
            throw new IOException("not a JSON object");
        }
        return new Dashboard(file, json);
    }

    public String file() {
        return file;
    }

    JsonNode json() {
        return json;
    }

    /** Its uid, empty when it has none. */
    public String uid() {
        return json.path("uid").asText("");
    }

    public String title() {
        return json.path("title").asText("");
    }

    /** Its template variables, in the order Grafana resolves them. */
    public List<Variable> variables() {
        List<Variable> variables = new ArrayList<>();
        for (JsonNode v : json.path("templating").path("list")) {
            JsonNode query = v.path("query");
            // Newer Grafana stores a query variable's query as {"query": "...", "refId": ...}.
            String text = query.isObject() ? query.path("query").asText("") : query.asText("");
            if (text.isEmpty()) {
                text = v.path("definition").asText("");
            }
            variables.add(new Variable(v.path("name").asText(""), v.path("type").asText("query"), text,
                    v.path("includeAll").asBoolean(false),
                    v.path("allValue").isNull() ? "" : v.path("allValue").asText(""), v.path("regex").asText("")));
        }
        return variables;
    }

    /** Every Prometheus expression of every panel, those inside collapsed rows included. */
    public List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        collectTargets(json.path("panels"), targets);
        return targets;
    }

    private static void collectTargets(JsonNode panels, List<Target> targets) {
        for (JsonNode panel : panels) {
            String name = "panel \"" + panel.path("title").asText("") + "\" (id " + panel.path("id").asText("?") + ")";
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText("");
                if (!expr.isBlank()) {
                    targets.add(new Target(name + " target " + target.path("refId").asText("?"), expr));
                }
            }
            // A collapsed row keeps its panels inside it.
            collectTargets(panel.path("panels"), targets);
        }
    }

    /** Every string in the dashboard with where it is ({@code panels[2].targets[0].expr}). */
    List<String[]> strings() {
        List<String[]> strings = new ArrayList<>();
        collectStrings(json, "", strings);
        return strings;
    }

    private static void collectStrings(JsonNode node, String path, List<String[]> out) {
        if (node.isTextual()) {
            out.add(new String[] {path, node.asText()});
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectStrings(node.get(i), path + "[" + i + "]", out);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> collectStrings(f.getValue(),
                    path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out));
        }
    }

    /** Every {@code datasource} value in the dashboard with where it is. */
    List<Object[]> datasources() {
        List<Object[]> found = new ArrayList<>();
        collectDatasources(json, "", found);
        return found;
    }

    private static void collectDatasources(JsonNode node, String path, List<Object[]> out) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectDatasources(node.get(i), path + "[" + i + "]", out);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                String at = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                if (f.getKey().equals("datasource")) {
                    out.add(new Object[] {at, f.getValue()});
                } else {
                    collectDatasources(f.getValue(), at, out);
                }
            });
        }
    }

    @Override
    public String toString() {
        return file + Arrays.asList(uid(), title());
    }
}
