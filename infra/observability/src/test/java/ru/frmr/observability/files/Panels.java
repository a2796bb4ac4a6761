package ru.frmr.observability.files;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Grafana panels (schema 39) as Jackson trees, laid out left to right, top to bottom: every dashboard of
 * {@link Dashboards} is built from these few shapes, so units, thresholds and the data source are set the same way
 * everywhere.
 */
final class Panels {

    static final String DATASOURCE_UID = "frmr-prometheus";
    private static final int WIDTH = 24;

    private final ObjectMapper json;
    private final ArrayNode panels;
    private int nextId = 1;
    private int x;
    private int y;
    private int rowHeight;

    Panels(ObjectMapper json) {
        this.json = json;
        this.panels = json.createArrayNode();
    }

    ArrayNode panels() {
        return panels;
    }

    /** A full-width section heading; the following panels start on a new line beneath it. */
    Panels row(String title) {
        newLine();
        ObjectNode row = panels.addObject();
        row.put("id", nextId++).put("type", "row").put("title", title).put("collapsed", false);
        row.set("gridPos", gridPos(0, y, WIDTH, 1));
        row.putArray("panels");
        y += 1;
        return this;
    }

    /** A time series of one or more queries. */
    Panels graph(String title, String description, Unit unit, int width, List<Query> queries) {
        ObjectNode panel = panel("timeseries", title, description, unit, width, 8, queries);
        ObjectNode options = panel.putObject("options");
        options.putObject("legend").put("displayMode", "list").put("placement", "bottom").put("showLegend", true);
        options.putObject("tooltip").put("mode", "multi").put("sort", "desc");
        ObjectNode custom = (ObjectNode) panel.get("fieldConfig").get("defaults").get("custom");
        custom.put("lineWidth", 1).put("fillOpacity", 10).put("spanNulls", false);
        custom.putObject("thresholdsStyle").put("mode", unit.thresholds().isEmpty() ? "off" : "line");
        return this;
    }

    /** One number per series (its last value), coloured by the thresholds. */
    Panels stat(String title, String description, Unit unit, int width, List<Query> queries, List<Mapping> mappings) {
        ObjectNode panel = panel("stat", title, description, unit, width, 5, queries);
        ObjectNode defaults = (ObjectNode) panel.get("fieldConfig").get("defaults");
        defaults.remove("custom");
        ObjectNode options = panel.putObject("options");
        options.put("colorMode", "background").put("graphMode", "none").put("justifyMode", "auto")
                .put("textMode", "value_and_name").put("orientation", "auto");
        ObjectNode reduce = options.putObject("reduceOptions");
        reduce.putArray("calcs").add("lastNotNull");
        reduce.put("fields", "").put("values", false);
        if (!mappings.isEmpty()) {
            ArrayNode list = defaults.putArray("mappings");
            ObjectNode value = list.addObject().put("type", "value").putObject("options");
            for (Mapping mapping : mappings) {
                value.putObject(mapping.value()).put("text", mapping.text()).put("color", mapping.color());
            }
        }
        return this;
    }

    private ObjectNode panel(String type, String title, String description, Unit unit, int width, int height,
                             List<Query> queries) {
        if (x + width > WIDTH) {
            newLine();
        }
        ObjectNode panel = panels.addObject();
        panel.put("id", nextId++).put("type", type).put("title", title).put("description", description);
        panel.set("datasource", datasource());
        panel.set("gridPos", gridPos(x, y, width, height));
        ObjectNode defaults = panel.putObject("fieldConfig").putObject("defaults");
        ((ObjectNode) panel.get("fieldConfig")).putArray("overrides");
        defaults.put("unit", unit.grafanaUnit());
        if (unit.min() != null) {
            defaults.put("min", unit.min());
        }
        defaults.putObject("custom");
        ObjectNode thresholds = defaults.putObject("thresholds").put("mode", "absolute");
        ArrayNode steps = thresholds.putArray("steps");
        steps.addObject().put("color", unit.thresholds().isEmpty() ? "green" : unit.baseColor()).putNull("value");
        for (Step step : unit.thresholds()) {
            steps.addObject().put("color", step.color()).put("value", step.value());
        }
        ArrayNode targets = panel.putArray("targets");
        char refId = 'A';
        for (Query query : queries) {
            ObjectNode target = targets.addObject();
            target.put("refId", String.valueOf(refId++));
            target.set("datasource", datasource());
            target.put("expr", query.expr()).put("legendFormat", query.legend()).put("range", true)
                    .put("instant", false);
        }
        x += width;
        rowHeight = Math.max(rowHeight, height);
        return panel;
    }

    private void newLine() {
        if (x > 0) {
            y += rowHeight;
        }
        x = 0;
        rowHeight = 0;
    }

    private ObjectNode datasource() {
        return json.createObjectNode().put("type", "prometheus").put("uid", DATASOURCE_UID);
    }

    private ObjectNode gridPos(int px, int py, int w, int h) {
        return json.createObjectNode().put("h", h).put("w", w).put("x", px).put("y", py);
    }

    /** A PromQL query and the legend of its series ({@code {{label}}}). */
    record Query(String expr, String legend) {
    }

    /** A value shown as text in a stat panel (1 → «работает»). */
    record Mapping(String value, String text, String color) {
    }

    /** A threshold: from {@code value} up, the colour. */
    record Step(double value, String color) {
    }

    /**
     * What the numbers are (Grafana's unit id) and where they turn bad: steps above a green base, or, with a red
     * base, where they turn good (a calendar's days left).
     */
    record Unit(String grafanaUnit, Double min, String baseColor, List<Step> thresholds) {

        static Unit of(String grafanaUnit) {
            return new Unit(grafanaUnit, 0.0, "green", List.of());
        }

        /** Green below {@code warning}, orange from it, red from {@code critical}. */
        static Unit of(String grafanaUnit, double warning, double critical) {
            return new Unit(grafanaUnit, 0.0, "green", List.of(new Step(warning, "orange"), new Step(critical, "red")));
        }

        /** Green below {@code critical}, red from it. */
        static Unit redFrom(String grafanaUnit, double critical) {
            return new Unit(grafanaUnit, 0.0, "green", List.of(new Step(critical, "red")));
        }

        /** Red below {@code good}, green from it. */
        static Unit greenFrom(String grafanaUnit, double good) {
            return new Unit(grafanaUnit, null, "red", List.of(new Step(good, "green")));
        }
    }
}
