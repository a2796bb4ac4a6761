package ru.frmr.observability;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The query check's fixture directories under src/test/resources/querycheck: {@code good} and {@code broken}. */
final class Fixtures {

    private Fixtures() {
    }

    static ObservabilityFiles of(String name) {
        try {
            return new ObservabilityFiles(Path.of(Fixtures.class.getResource("/querycheck/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
