package ru.frmr.registry.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Reads a versioned dictionary file whose entries carry more than a code and a name. */
final class DictionaryFile {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private DictionaryFile() {
    }

    static <T> List<T> entries(String resource, Class<T> entryType) {
        JavaType type = JSON.getTypeFactory().constructParametricType(Edition.class, entryType);
        try (InputStream in = DictionaryFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing reference dictionary " + resource);
            }
            Edition<T> edition = JSON.readValue(in, type);
            return List.copyOf(edition.entries());
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable reference dictionary " + resource, e);
        }
    }

    private record Edition<T>(String dictionary, int version, List<T> entries) {
    }
}
