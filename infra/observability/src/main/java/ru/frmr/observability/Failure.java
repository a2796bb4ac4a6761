package ru.frmr.observability;

/**
 * One thing the check found wrong.
 *
 * @param file       the file it is in, relative to the observability directory ({@code grafana/dashboards/x.json})
 * @param where      what in the file: a panel and target, a rule, a variable, a uid
 * @param expression the expression as evaluated (variables substituted), or empty where there is none
 * @param problem    what is wrong: Prometheus' error, {@code no series}, a tool's output
 */
public record Failure(String file, String where, String expression, String problem) {

    @Override
    public String toString() {
        return file + ": " + where + (expression.isEmpty() ? "" : "\n    " + expression) + "\n    -> " + problem;
    }
}
