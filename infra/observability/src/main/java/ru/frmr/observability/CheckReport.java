package ru.frmr.observability;

import java.util.ArrayList;
import java.util.List;

/** What the check looked at and everything it found wrong, reported together so one run shows every mismatch. */
public final class CheckReport {

    private final List<Failure> failures = new ArrayList<>();
    private int expressionsEvaluated;
    private int dashboards;
    private int rules;

    void add(Failure failure) {
        failures.add(failure);
    }

    void addAll(List<Failure> more) {
        failures.addAll(more);
    }

    void countExpression() {
        expressionsEvaluated++;
    }

    void countDashboard() {
        dashboards++;
    }

    void countRule() {
        rules++;
    }

    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    public int expressionsEvaluated() {
        return expressionsEvaluated;
    }

    /** One line: how much was checked; then every failure. */
    public String summary() {
        StringBuilder s = new StringBuilder(String.format("Prometheus query check: %d dashboards, %d rules, %d "
                + "expressions evaluated, %d failures", dashboards, rules, expressionsEvaluated, failures.size()));
        failures.forEach(f -> s.append('\n').append(f));
        return s.toString();
    }

    /** Throws an {@link AssertionError} listing every failure, unless there is none. */
    public void assertPassed() {
        if (!passed()) {
            throw new AssertionError(summary());
        }
    }

    @Override
    public String toString() {
        return summary();
    }
}
