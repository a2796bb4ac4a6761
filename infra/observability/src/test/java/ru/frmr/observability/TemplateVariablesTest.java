package ru.frmr.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplateVariablesTest {

    @Test
    void findsEveryFormOfReference() {
        assertThat(TemplateVariables.referenced(
                "a{service=\"$service\", uri=~\"${uri:regex}\", x=\"[[old]]\", y=\"${__field.labels.z}\"}[$__rate_interval]"))
                .containsExactly("service", "uri", "old", "__field", "__rate_interval");
    }

    @Test
    void leavesOutLabelReplaceCaptureGroups() {
        assertThat(TemplateVariables.referenced("label_replace(x, \"d\", \"$1-${2}\", \"s\", \"(.*)\")")).isEmpty();
    }

    @Test
    void substitutesTheLongestNameAndLeavesUnknownOnes() {
        String expr = "rate(x{service=\"$service\", s=\"$service_name\"}[$__rate_interval]) and $unknown";

        assertThat(TemplateVariables.substitute(expr, Map.of("service", "gateway", "service_name", "n",
                "__rate_interval", "1m")))
                .isEqualTo("rate(x{service=\"gateway\", s=\"n\"}[1m]) and $unknown");
    }

    @Test
    void substitutesBracedAndOldFormsAndReplacementCharactersLiterally() {
        assertThat(TemplateVariables.substitute("${a} ${a:regex} [[a]] $b", Map.of("a", "x", "b", "$1\\")))
                .isEqualTo("x x x $1\\");
    }

    @Test
    void theIntervalsAreShortWindowsAndBuiltIns() {
        assertThat(TemplateVariables.substitute("[$__rate_interval] [$__interval] [$__range] $__range_s",
                TemplateVariables.INTERVALS)).isEqualTo("[1m] [30s] [5m] 300");
        assertThat(TemplateVariables.BUILT_INS).contains("__rate_interval", "__all", "__from", "__field");
    }
}
