package ru.frmr.infra.embedded;

/**
 * What a test needs of its infrastructure: a Kafka broker and a MongoDB, by address. {@link SharedTestInfra} (the
 * in-process broker and Mongo wire server, everywhere) and {@code containers.ContainerTestInfra} (real {@code mongo}
 * replica set and Kafka images, where Docker runs) both give it, so a shared test body runs on either.
 */
public interface TestInfra {

    /** {@code -Dfrmr.test.infra=containers} points the suites that ask {@link #selected()} at the containers. */
    String SELECTOR = "frmr.test.infra";

    String kafkaBootstrapServers();

    /** A connection string naming {@code database}, for example {@code mongodb://127.0.0.1:PORT/registry}. */
    String mongoUri(String database);

    /**
     * The infrastructure this JVM was told to use: the containers when {@value #SELECTOR} is {@code containers},
     * otherwise the in-process one. The containers' class is only loaded when chosen, so Testcontainers need not be
     * on the class path otherwise.
     */
    static TestInfra selected() {
        String chosen = System.getProperty(SELECTOR, "embedded");
        return switch (chosen) {
            case "embedded" -> SharedTestInfra.get();
            case "containers" -> ru.frmr.infra.embedded.containers.ContainerTestInfra.get();
            default -> throw new IllegalArgumentException(SELECTOR + " is 'embedded' or 'containers', not '"
                    + chosen + "'");
        };
    }
}
