package ru.frmr.registry.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * The code lists employment records must use: positions ({@code reference/positions-v1.json}) and the
 * subjects of the Russian Federation organisations are registered in ({@code reference/regions-v1.json}).
 * Versioned as {@link ReferenceDictionaries} are: a new edition is a new file, codes are never reused.
 */
@Component
public class EmploymentDictionaries {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<String, String> positions;
    private final Map<String, String> regions;

    public EmploymentDictionaries() {
        positions = load("reference/positions-v1.json");
        regions = load("reference/regions-v1.json");
    }

    public boolean isPosition(String code) {
        return code != null && positions.containsKey(code);
    }

    public Optional<String> positionName(String code) {
        return Optional.ofNullable(code == null ? null : positions.get(code));
    }

    public boolean isRegion(String code) {
        return code != null && regions.containsKey(code);
    }

    public Optional<String> regionName(String code) {
        return Optional.ofNullable(code == null ? null : regions.get(code));
    }

    /** Every region code, in the dictionary's order. */
    public List<String> regionCodes() {
        return List.copyOf(regions.keySet());
    }

    private static Map<String, String> load(String resource) {
        try (InputStream in = EmploymentDictionaries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing reference dictionary " + resource);
            }
            Map<String, String> byCode = new LinkedHashMap<>();
            JSON.readValue(in, Dictionary.class).entries().forEach(e -> {
                if (byCode.put(e.code(), e.name()) != null) {
                    throw new IllegalStateException("Duplicate code " + e.code() + " in " + resource);
                }
            });
            return Collections.unmodifiableMap(byCode);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable reference dictionary " + resource, e);
        }
    }

    private record Dictionary(String dictionary, int version, List<Entry> entries) {
    }

    private record Entry(String code, String name) {
    }
}
