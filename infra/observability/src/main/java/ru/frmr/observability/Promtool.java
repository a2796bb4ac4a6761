package ru.frmr.observability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code promtool check config}, {@code check rules} and {@code test rules} over the repository's files, each
 * failure with promtool's own words.
 */
public final class Promtool {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path binary;
    private final ObservabilityFiles files;

    public Promtool(Path binary, ObservabilityFiles files) {
        this.binary = binary;
        this.files = files;
    }

    /** Every promtool check; empty when all pass. */
    public List<Failure> checkAll() {
        List<Failure> failures = new ArrayList<>();
        run(files.prometheusConfig(), "promtool check config", List.of("check", "config"), failures);
        for (Path rules : files.ruleFiles()) {
            run(rules, "promtool check rules", List.of("check", "rules"), failures);
        }
        for (Path test : files.ruleTests()) {
            run(test, "promtool test rules", List.of("test", "rules"), failures);
        }
        return failures;
    }

    private void run(Path file, String what, List<String> command, List<Failure> failures) {
        List<String> args = new ArrayList<>();
        args.add(binary.toString());
        args.addAll(command);
        args.add(file.toString());
        try {
            // From the file's directory, as its relative paths (a test's rule_files) are meant.
            Process process = new ProcessBuilder(args).directory(file.getParent().toFile())
                    .redirectErrorStream(true).start();
            // promtool's output is small; read to the end before waiting, so a full pipe never blocks it.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                failures.add(new Failure(files.relative(file), what, "", "no answer within " + TIMEOUT_SECONDS
                        + " s"));
            } else if (process.exitValue() != 0) {
                failures.add(new Failure(files.relative(file), what, "", "exit code " + process.exitValue()
                        + ":\n" + output.indent(6).stripTrailing()));
            }
        } catch (IOException e) {
            failures.add(new Failure(files.relative(file), what, "", "cannot run " + binary + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(new Failure(files.relative(file), what, "", "interrupted"));
        }
    }
}
