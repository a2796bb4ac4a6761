package ru.frmr.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The README's port table is {@link Topology#portTable()} of {@link Topology#LOCAL}: fails when they differ.
 * {@code -Dfrmr.topology.write-readme=true} writes the generated table into the README instead (the command
 * is in {@link Topology#portTable()}'s documentation and beside the table).
 */
class TopologyReadmeTest {

    static final String BEGIN = "<!-- port-table:begin";
    static final String END = "<!-- port-table:end -->";

    // Surefire runs in the module directory, libs/topology.
    private static final Path README = Path.of("../../README.md");

    @Test
    void readmePortTableIsGeneratedFromTheTopology() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String expected = withTable(readme, Topology.LOCAL.portTable());
        if (Boolean.getBoolean("frmr.topology.write-readme")) {
            Files.writeString(README, expected, StandardCharsets.UTF_8);
            readme = expected;
        }

        assertThat(readme)
                .as("README.md's port table differs from Topology.LOCAL; regenerate it with ./mvnw -o -q -B "
                        + "-pl libs/topology test -Dtest=TopologyReadmeTest -Dfrmr.topology.write-readme=true")
                .isEqualTo(expected);
    }

    @Test
    void theMarkedRegionIsReplacedAndTheRestKept() {
        String readme = "intro\n" + BEGIN + " how -->\nold\n" + END + "\noutro\n";

        assertThat(withTable(readme, "| new |\n")).isEqualTo("intro\n" + BEGIN + " how -->\n| new |\n" + END + "\noutro\n");
    }

    /** {@code readme} with the lines between the begin marker's line and the end marker replaced by {@code table}. */
    static String withTable(String readme, String table) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("README has the marker " + BEGIN).isNotNegative();
        assertThat(end).as("README has the marker " + END).isGreaterThan(begin);
        int tableStart = readme.indexOf('\n', begin) + 1;
        return readme.substring(0, tableStart) + table + readme.substring(end);
    }
}
