package ru.frmr.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A Mongo wire-protocol server (mongo-java-server) inside this JVM. It has no transactions, change streams
 * or TTL expiry, and ignores non-unique indexes, so it is for functional checks only, never for timings.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    // Kept because the server forgets its address once shut down.
    private final InetSocketAddress address;
    private boolean closed;

    private EmbeddedMongo(MongoServer server) {
        this.server = server;
        this.address = server.getLocalAddress();
    }

    /** Data lives in memory only, on a random loopback port. */
    public static EmbeddedMongo inMemory() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return new EmbeddedMongo(server);
    }

    /**
     * Data lives in an H2 MVStore file and survives {@link #close()} and a later reopen, and also a crash of
     * this process: every write is committed and synced before the server acknowledges it
     * ({@link DurableH2Backend}).
     */
    public static EmbeddedMongo h2(Path file, String host, int port) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory for " + file, e);
        }
        H2Backend backend = DurableH2Backend.open(file);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            // Otherwise the MVStore file stays locked until the JVM exits.
            backend.close();
            throw e;
        }
        return new EmbeddedMongo(server);
    }

    /** For example {@code mongodb://127.0.0.1:27017}, without a database. */
    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
    }
}
