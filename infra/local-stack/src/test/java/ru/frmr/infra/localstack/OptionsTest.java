package ru.frmr.infra.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsToTheFullStackInFrmrData() {
        assertThat(Options.parse()).isEqualTo(new Options(Path.of(".frmr-data"), false, false, false));
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
}
