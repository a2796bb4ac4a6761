package ru.frmr.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the benchmark programs find the built service jars: the repository they are run from. */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    /** The working directory or the nearest parent holding the gateway and registry-service modules. */
    static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("gateway")) && Files.isDirectory(dir.resolve("registry-service"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run from the repository (no gateway/ and registry-service/ found above "
                + Path.of("").toAbsolutePath() + ")");
    }
}
