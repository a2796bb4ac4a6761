package ru.frmr.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromqlTest {

    @Test
    void findsTheMetricOfASelectorWithMatchersAndRange() {
        assertThat(Promql.metricNames("rate(http_server_requests_seconds_count{status=~\"5..\", uri!=\"/x\"}[5m])"))
                .containsExactly("http_server_requests_seconds_count");
    }

    @Test
    void leavesOutFunctionsAggregationsGroupingLabelsAndKeywords() {
        String expr = """
                sum by (service, uri) (rate(http_server_requests_seconds_count{status=~"5.."}[5m]))
                  / ignoring(status) group_left(outcome) sum without (instance) (rate(other_total[1m] offset 5m))
                  > bool 0.05 and on(service) up == 1 unless absent(frmr_relay_lag_seconds)
                """;

        assertThat(Promql.metricNames(expr)).containsExactly("http_server_requests_seconds_count", "other_total",
                "up", "frmr_relay_lag_seconds");
    }

    @Test
    void groupingAfterTheAggregationsParenthesisToo() {
        assertThat(Promql.metricNames("max(frmr_relay_lag_seconds) by (service) > 60"))
                .containsExactly("frmr_relay_lag_seconds");
    }

    @Test
    void readsRecordedSeriesNamesAndNameMatchers() {
        assertThat(Promql.metricNames("service:http_errors:ratio5m > 0.05 or {__name__=\"frmr_x_total\", a=\"b\"}"))
                .containsExactly("service:http_errors:ratio5m", "frmr_x_total");
    }

    @Test
    void stringsNumbersDurationsAndSpecialValuesAreNoMetrics() {
        String expr = "label_replace(histogram_quantile(0.99, sum by (le) (rate(a_bucket[5m]))), \"dst\", \"$1\","
                + " \"src\", \"(b_total)\") > Inf or c == NaN or 1e3 < d @ end() or (e - time()) / 86400 < 90"
                + " or sum_over_time(f[1h:30s])";

        assertThat(Promql.metricNames(expr)).containsExactly("a_bucket", "c", "d", "e", "f");
    }

    @Test
    void eachNameOnce() {
        assertThat(Promql.metricNames("x / x + rate(x[1m])")).containsExactly("x");
    }
}
