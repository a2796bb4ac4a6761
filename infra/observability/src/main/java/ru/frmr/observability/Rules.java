package ru.frmr.observability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The recording and alert rules of Prometheus rule files ({@code groups[].rules[]}). */
public final class Rules {

    /**
     * One rule.
     *
     * @param name  the recorded series' name or the alert's name
     * @param alert whether it is an alert rule (otherwise a recording rule)
     */
    public record Rule(String file, String group, String name, boolean alert, String expr) {

        String where() {
            return (alert ? "alert " : "recording rule ") + name + " (group " + group + ")";
        }
    }

    private Rules() {
    }

    /** The rules of one file; a file that is no rule file gives none (promtool check rules reports it). */
    public static List<Rule> read(Path path, String file) {
        List<Rule> rules = new ArrayList<>();
        if (!(ObservabilityFiles.asMap(ObservabilityFiles.readYaml(path)).get("groups") instanceof List<?> groups)) {
            return rules;
        }
        for (Object g : groups) {
            Map<?, ?> group = ObservabilityFiles.asMap(g);
            String groupName = String.valueOf(group.get("name"));
            if (group.get("rules") instanceof List<?> list) {
                for (Object r : list) {
                    Map<?, ?> rule = ObservabilityFiles.asMap(r);
                    boolean alert = rule.containsKey("alert");
                    Object name = alert ? rule.get("alert") : rule.get("record");
                    rules.add(new Rule(file, groupName, String.valueOf(name), alert,
                            String.valueOf(rule.get("expr")).strip()));
                }
            }
        }
        return rules;
    }
}
