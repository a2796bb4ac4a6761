package ru.frmr.registry.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Every code list a form of the cabinet offers, as it is published to clients: the curated files the record's
 * entries are checked against, and the files naming the record's enum values in Russian. Read once at start; an
 * edition never changes after release (a new one is a new file), so a list's tag changes only with a deployment
 * that changes its file.
 */
@Component
public class DictionaryCatalog {

    /** The files, in the order the index lists them. */
    static final List<String> FILES = List.of(
            "specialties-v1.json", "education-levels-v1.json", "document-kinds-v1.json",
            "postgraduate-programs-v1.json", "additional-education-documents-v1.json", "positions-v1.json",
            "regions-v1.json", "accreditation-kinds-v1.json", "additional-education-kinds-v1.json",
            "qualification-categories-v1.json", "employment-contract-kinds-v1.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Dictionary> byName = new LinkedHashMap<>();

    public DictionaryCatalog() {
        for (String file : FILES) {
            Dictionary dictionary = load("reference/" + file);
            if (byName.put(dictionary.name(), dictionary) != null) {
                throw new IllegalStateException("Two reference files name the dictionary " + dictionary.name());
            }
        }
    }

    public List<Dictionary> all() {
        return List.copyOf(byName.values());
    }

    public Optional<Dictionary> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * One edition of a code list.
     *
     * @param tag changes whenever the file's content does: the HTTP entity tag
     */
    public record Dictionary(String name, int version, List<Item> items, String tag) {
    }

    /**
     * @param attributes what else the file says of the entry (the programme kind a document completes, the
     *                   specialty level a postgraduate programme trains for); empty for most lists
     */
    public record Item(String code, String name, Map<String, String> attributes) {
    }

    private static Dictionary load(String resource) {
        try (InputStream in = DictionaryCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing reference dictionary " + resource);
            }
            byte[] content = in.readAllBytes();
            JsonNode root = JSON.readTree(content);
            List<Item> items = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (JsonNode entry : root.path("entries")) {
                String code = entry.path("code").asText(null);
                String name = entry.path("name").asText(null);
                if (code == null || name == null || codes.contains(code)) {
                    throw new IllegalStateException("Entry without a code or name, or a repeated code, in " + resource);
                }
                codes.add(code);
                Map<String, String> attributes = new LinkedHashMap<>();
                entry.fields().forEachRemaining(field -> {
                    if (!field.getKey().equals("code") && !field.getKey().equals("name")
                            && !field.getValue().isNull()) {
                        attributes.put(field.getKey(), field.getValue().asText());
                    }
                });
                items.add(new Item(code, name, Collections.unmodifiableMap(attributes)));
            }
            String name = root.path("dictionary").asText();
            int version = root.path("version").asInt();
            return new Dictionary(name, version, List.copyOf(items), tag(name, version, content));
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable reference dictionary " + resource, e);
        }
    }

    private static String tag(String name, int version, byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return name + "-v" + version + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
