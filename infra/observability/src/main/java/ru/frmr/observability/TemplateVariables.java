package ru.frmr.observability;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana's template variable references in a dashboard's text: {@code $name}, {@code ${name}},
 * {@code ${name:format}}, {@code ${__field.labels.x}} and the old {@code [[name]]}, found and substituted as Grafana
 * does (the longest word after the {@code $}).
 */
public final class TemplateVariables {

    /**
     * What the check puts for Grafana's interval variables: a rate window long enough for two scrapes of a production
     * scrape interval (15 s), a range as a short dashboard time range has.
     */
    public static final Map<String, String> INTERVALS = Map.of("__rate_interval", "1m", "__rate_interval_ms", "60000",
            "__interval", "30s", "__interval_ms", "30000", "__range", "5m", "__range_s", "300", "__range_ms", "300000");

    /**
     * Grafana's own variables, which a dashboard uses without defining: the intervals and ranges, the time range, the
     * dashboard, user and organisation, the "All" value, and those of data links and field overrides.
     */
    public static final Set<String> BUILT_INS;

    static {
        Set<String> builtIns = new LinkedHashSet<>(INTERVALS.keySet());
        builtIns.addAll(Set.of("__from", "__to", "__dashboard", "__name", "__org", "__user", "__all", "__timeFilter",
                "timeFilter", "__timezone", "__field", "__value", "__series", "__data", "__cell", "__url",
                "__url_time_range", "__auto_interval", "__auto"));
        BUILT_INS = Set.copyOf(builtIns);
    }

    private static final Pattern REFERENCE = Pattern.compile(
            "\\$(\\w+)|\\$\\{(\\w+)(?:[.:][^}]*)?}|\\[\\[(\\w+)(?:[.:][^\\]]*)?]]");

    private TemplateVariables() {
    }

    /**
     * The names of the variables the text refers to. {@code $1} and the like are left out: they are the capture
     * groups of PromQL's {@code label_replace}, which Grafana leaves alone as no variable can be named so.
     */
    public static Set<String> referenced(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            String name = name(m);
            if (!Character.isDigit(name.charAt(0))) {
                names.add(name);
            }
        }
        return names;
    }

    /** The text with every reference to a variable of {@code values} replaced by its value; the rest left as it is. */
    public static String substitute(String text, Map<String, String> values) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(name(m));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String name(Matcher m) {
        for (int group = 1; group <= 3; group++) {
            if (m.group(group) != null) {
                return m.group(group);
            }
        }
        throw new IllegalStateException("no group matched");
    }
}
