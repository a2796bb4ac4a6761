package ru.frmr.observability;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The values of a dashboard's template variables, as Grafana would offer them, and the combinations of them the check
 * evaluates the panels with: every value of every variable (and "All" where the variable has it), the values of a
 * variable resolved with those of the variables before it, as Grafana resolves chained variables.
 */
public final class VariableValues {

    /**
     * Enough for a dashboard whose variables are a service and one or two of its instances or routes; past it the
     * first combinations are checked and the rest reported as not checked.
     */
    public static final int MAX_COMBINATIONS = 64;

    /** Where a query variable's values come from: Prometheus' label values API. */
    @FunctionalInterface
    public interface LabelValues {
        /** @param match a series selector, empty for all series */
        List<String> of(String label, String match) throws IOException;
    }

    /**
     * The combinations of variable values to evaluate the dashboard's panels with, and the variables that resolved to
     * no value (the panels using them cannot be evaluated; each is a failure).
     */
    public record Combinations(List<Map<String, String>> values, Map<String, String> unresolved,
                               boolean truncated) {
    }

    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\s*\\((.*)\\)\\s*$",
            Pattern.DOTALL);
    private static final Pattern REGEX_SPECIALS = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}]");

    private final LabelValues source;
    /** What a data source variable stands for: the first provisioned data source. */
    private final String datasource;

    public VariableValues(LabelValues source, String datasource) {
        this.source = source;
        this.datasource = datasource;
    }

    /** Every combination of the variables' values, Grafana's interval variables included in each. */
    public Combinations combinations(List<Dashboard.Variable> variables) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        Map<String, String> unresolved = new LinkedHashMap<>();
        boolean truncated = false;
        for (Dashboard.Variable variable : variables) {
            if (variable.type().equals("adhoc")) {
                // Ad hoc filters join the queries as label matchers; no $ reference stands for them.
                continue;
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> combination : combinations) {
                List<String> values;
                try {
                    values = values(variable, combination);
                } catch (IOException | RuntimeException e) {
                    unresolved.putIfAbsent(variable.name(), "cannot resolve " + describe(variable) + ": "
                            + e.getMessage());
                    values = List.of();
                }
                if (values.isEmpty()) {
                    // The combination goes on without it: the targets not using it are still evaluated.
                    unresolved.putIfAbsent(variable.name(), describe(variable) + " resolves to no value");
                    next.add(combination);
                }
                for (String value : values) {
                    if (next.size() >= MAX_COMBINATIONS) {
                        truncated = true;
                        break;
                    }
                    Map<String, String> more = new LinkedHashMap<>(combination);
                    more.put(variable.name(), value);
                    next.add(more);
                }
            }
            combinations = next;
        }
        combinations.forEach(c -> TemplateVariables.INTERVALS.forEach(c::putIfAbsent));
        return new Combinations(combinations, unresolved, truncated);
    }

    /**
     * The values the check tries for one variable, given the values of the variables before it: every value Grafana
     * offers, and "All" (its allValue, or every value as Grafana puts them for Prometheus: a regex alternation).
     */
    List<String> values(Dashboard.Variable variable, Map<String, String> before) throws IOException {
        Map<String, String> known = new HashMap<>(TemplateVariables.INTERVALS);
        known.putAll(before);
        String query = TemplateVariables.substitute(variable.query(), known);
        List<String> values = switch (variable.type()) {
            case "query" -> filter(queryValues(query), variable.regex());
            case "custom" -> customValues(query);
            case "constant", "textbox" -> List.of(query);
            case "interval" -> customValues(query).stream().limit(1).toList();
            case "datasource" -> List.of(datasource);
            default -> throw new IllegalArgumentException("variables of type " + variable.type()
                    + " are not understood by the check");
        };
        if (!variable.includeAll() || values.isEmpty()) {
            return values;
        }
        List<String> withAll = new ArrayList<>(values);
        withAll.add(variable.allValue().isEmpty() ? allValue(values) : variable.allValue());
        return withAll;
    }

    /** {@code label_values(selector, label)} or {@code label_values(label)}, Grafana's Prometheus query variables. */
    private List<String> queryValues(String query) throws IOException {
        Matcher m = LABEL_VALUES.matcher(query);
        if (!m.matches()) {
            throw new IllegalArgumentException("only label_values(...) queries are understood by the check: "
                    + query);
        }
        String args = m.group(1).strip();
        int comma = lastTopLevelComma(args);
        String match = comma < 0 ? "" : args.substring(0, comma).strip();
        String label = (comma < 0 ? args : args.substring(comma + 1)).strip();
        if (!label.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
            throw new IllegalArgumentException("not a label name: " + label);
        }
        return source.of(label, match);
    }

    /** The comma between a selector and a label, not one inside the selector's braces or quotes. */
    private static int lastTopLevelComma(String args) {
        int depth = 0;
        char quote = 0;
        int last = -1;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                last = i;
            }
        }
        return last;
    }

    /** A custom variable's values: comma-separated, each either {@code value} or {@code text : value}. */
    static List<String> customValues(String query) {
        List<String> values = new ArrayList<>();
        for (String item : query.split("(?<!\\\\),")) {
            String value = item.replace("\\,", ",").strip();
            int colon = value.indexOf(" : ");
            if (colon >= 0) {
                value = value.substring(colon + 3).strip();
            }
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }

    /**
     * A query variable's regex, as Grafana applies it: {@code /pattern/flags} or a bare pattern; a value is kept when
     * the pattern is found in it, and replaced by the first capture group when there is one.
     */
    static List<String> filter(List<String> values, String regex) {
        if (regex == null || regex.isBlank()) {
            return values;
        }
        String pattern = regex;
        int flags = 0;
        if (regex.startsWith("/") && regex.lastIndexOf('/') > 0) {
            int end = regex.lastIndexOf('/');
            pattern = regex.substring(1, end);
            if (regex.substring(end + 1).contains("i")) {
                flags |= Pattern.CASE_INSENSITIVE;
            }
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern, flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad regex " + regex + ": " + e.getDescription());
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String value : values) {
            Matcher m = compiled.matcher(value);
            if (m.find()) {
                kept.add(m.groupCount() > 0 && m.group(1) != null ? m.group(1) : value);
            }
        }
        return List.copyOf(kept);
    }

    /** Grafana's "All" for a Prometheus variable without allValue: {@code (a|b)}, each value regex-escaped. */
    static String allValue(List<String> values) {
        List<String> escaped = values.stream()
                .map(v -> REGEX_SPECIALS.matcher(v).replaceAll(r -> Matcher.quoteReplacement("\\" + r.group())))
                .toList();
        return escaped.size() == 1 ? escaped.get(0) : "(" + String.join("|", escaped) + ")";
    }

    private static String describe(Dashboard.Variable variable) {
        return "variable $" + variable.name() + " (" + variable.type() + (variable.query().isEmpty() ? ""
                : ": " + variable.query()) + ")";
    }
}
