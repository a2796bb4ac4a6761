package ru.frmr.registry.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * The curated code lists the record's entries must use, read from {@code reference/*-v1.json}. A new
 * edition of a list is a new file with the next version, so that entries approved under an old edition
 * can still be explained.
 */
@Component
public class ReferenceDictionaries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> specialties;
    private final Map<String, String> educationLevels;
    private final Map<String, String> documentKinds;
    private final Map<String, PostgraduateProgram> postgraduatePrograms;
    private final Map<String, AdditionalEducationDocument> additionalEducationDocuments;

    public ReferenceDictionaries() {
        specialties = load("reference/specialties-v1.json");
        educationLevels = load("reference/education-levels-v1.json");
        documentKinds = load("reference/document-kinds-v1.json");
        postgraduatePrograms = byCode(DictionaryFile.entries("reference/postgraduate-programs-v1.json",
                PostgraduateProgram.class), PostgraduateProgram::code);
        additionalEducationDocuments = byCode(DictionaryFile.entries(
                "reference/additional-education-documents-v1.json", AdditionalEducationDocument.class),
                AdditionalEducationDocument::code);
    }

    public boolean isSpecialty(String code) {
        return code != null && specialties.containsKey(code);
    }

    /** The specialty's name, or empty for a code not in the dictionary. */
    public java.util.Optional<String> specialtyName(String code) {
        return java.util.Optional.ofNullable(code == null ? null : specialties.get(code));
    }

    public boolean isEducationLevel(String code) {
        return code != null && educationLevels.containsKey(code);
    }

    public boolean isDocumentKind(String code) {
        return code != null && documentKinds.containsKey(code);
    }

    /** The postgraduate programme of this code (ординатура is {@code RESIDENCY}), or empty. */
    public java.util.Optional<PostgraduateProgram> postgraduateProgram(String code) {
        return java.util.Optional.ofNullable(code == null ? null : postgraduatePrograms.get(code));
    }

    /** The document kind of this code that completes an additional professional programme, or empty. */
    public java.util.Optional<AdditionalEducationDocument> additionalEducationDocument(String code) {
        return java.util.Optional.ofNullable(code == null ? null : additionalEducationDocuments.get(code));
    }

    private static <T> Map<String, T> byCode(List<T> entries, java.util.function.Function<T, String> code) {
        Map<String, T> byCode = new HashMap<>();
        entries.forEach(e -> byCode.put(code.apply(e), e));
        return Map.copyOf(byCode);
    }

    private static Map<String, String> load(String resource) {
        try (InputStream in = ReferenceDictionaries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing reference dictionary " + resource);
            }
            Dictionary dictionary = JSON.readValue(in, Dictionary.class);
            Map<String, String> byCode = new HashMap<>();
            dictionary.entries().forEach(e -> byCode.put(e.code(), e.name()));
            return Map.copyOf(byCode);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable reference dictionary " + resource, e);
        }
    }

    private record Dictionary(String dictionary, int version, List<Entry> entries) {
    }

    private record Entry(String code, String name) {
    }
}
