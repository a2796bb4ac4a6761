package ru.frmr.kit.indexes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the shape ({@link QueryShapes}) of every query this service sends to Mongo, and every index it declares, to
 * a file, one JSON line per distinct shape: the input of {@link IndexCatalogue}. Only field names and predicate
 * kinds are written, never a value, so the file holds no personal data. Switched on by
 * {@code frmr.mongo.query-shapes.file} (tests and the e2e suite set it; production does not): per command its cost
 * is a walk over the filter's field names and a hash-set lookup; a line is written only the first time a shape is seen.
 * Several processes may append to one file; {@link IndexCatalogue} removes their duplicates.
 */
public final class QueryShapeRecorder implements CommandListener {

    private static final Logger log = LoggerFactory.getLogger(QueryShapeRecorder.class);

    private final String service;
    private final Path file;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    public QueryShapeRecorder(String service, Path file) {
        this.service = service;
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + file, e);
        }
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        // The recorder must never fail a query: a shape it cannot read is logged and skipped.
        try {
            for (BsonDocument shape : QueryShapes.of(service, event.getCommandName(), event.getCommand())) {
                String line = shape.toJson();
                if (seen.add(line)) {
                    append(line);
                }
            }
        } catch (RuntimeException e) {
            log.warn("query shape of a {} command not recorded: {}", event.getCommandName(), e.toString());
        }
    }

    private synchronized void append(String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            log.warn("query shape not written to {}: {}", file, e.toString());
        }
    }
}
