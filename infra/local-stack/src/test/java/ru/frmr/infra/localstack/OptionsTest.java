package ru.frmr.infra.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsToTheFullStackInFrmrData() {
        assertThat(Options.parse()).isEqualTo(new Options(Path.of(".frmr-data"), false, false));
    }

    @Test
    void acceptsTheDataDirAsOneOrTwoArguments() {
        assertThat(Options.parse("--data-dir", "/tmp/a").dataDir()).isEqualTo(Path.of("/tmp/a"));
        assertThat(Options.parse("--data-dir=/tmp/b").dataDir()).isEqualTo(Path.of("/tmp/b"));
    }

    @Test
    void onlyInfraAndHelpAreFlags() {
        Options options = Options.parse("--only-infra", "--help");

        assertThat(options.onlyInfra()).isTrue();
        assertThat(options.help()).isTrue();
    }

    @Test
    void prometheusIsAFlagTheUsageExplains() {
        assertThat(Options.parse("--with-prometheus").withPrometheus()).isTrue();
        assertThat(Options.parse("--only-infra").withPrometheus()).isFalse();
        assertThat(Options.USAGE).contains("--with-prometheus", "127.0.0.1:9090", "DIR/prometheus");
    }

    @Test
    void rejectsUnknownArgumentsAndAMissingDataDir() {
        assertThatThrownBy(() -> Options.parse("--only-infr")).hasMessageContaining("--only-infr");
        assertThatThrownBy(() -> Options.parse("--with-prometheus=yes")).hasMessageContaining("--with-prometheus=yes");
        assertThatThrownBy(() -> Options.parse("--data-dir")).hasMessageContaining("--data-dir needs");
        assertThatThrownBy(() -> Options.parse("--data-dir=")).hasMessageContaining("--data-dir needs");
    }

    @Test
    void replicasAreRepeatableOrACommaListAndTheLastCountOfAServiceWins() {
        Options options = Options.parse("--replicas", "registry-service=2", "--replicas=employer-service=3,audit-service=2",
                "--replicas", "registry-service=3");

        assertThat(options.replicas()).containsOnly(Map.entry("registry-service", 3), Map.entry("employer-service", 3),
                Map.entry("audit-service", 2));
        assertThat(Options.parse().replicas()).isEmpty();
    }

    @Test
    void rejectsReplicasWithoutACountOrOutOfRange() {
        assertThatThrownBy(() -> Options.parse("--replicas")).hasMessageContaining("SERVICE=N");
        assertThatThrownBy(() -> Options.parse("--replicas", "registry-service")).hasMessageContaining("SERVICE=N");
        assertThatThrownBy(() -> Options.parse("--replicas", "registry-service=two")).hasMessageContaining("SERVICE=N");
        assertThatThrownBy(() -> Options.parse("--replicas", "=2")).hasMessageContaining("SERVICE=N");
        assertThatThrownBy(() -> Options.parse("--replicas", "registry-service=0")).hasMessageContaining("between 1 and 9");
        assertThatThrownBy(() -> Options.parse("--replicas", "registry-service=10")).hasMessageContaining("between 1 and 9");
    }
}
