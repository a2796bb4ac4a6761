package ru.frmr.contracts.reference;

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

/**
 * One edition of a code list that more than one service checks against (positions, regions, contract kinds live
 * in this module's {@code reference/} so the registry and the employer-service read the same file). An edition never
 * changes after release: a new one is a new file, and a code is never reused.
 *
 * @param name    the dictionary's name, as its file says
 * @param version its edition
 * @param names   code to Russian name, in the file's order
 */
public record CodeList(String name, int version, Map<String, String> names) {

    /** Positions of medical and pharmaceutical workers. */
    public static final String POSITIONS = "reference/positions-v1.json";
    /** Subjects of the Russian Federation by their two-digit ФНС code. */
    public static final String REGIONS = "reference/regions-v1.json";
    /** How a worker holds a position (the values of {@code ContractKind}). */
    public static final String EMPLOYMENT_CONTRACT_KINDS = "reference/employment-contract-kinds-v1.json";
    /**
     * Specialties of medical and pharmaceutical education. The lists below are the registry's (it checks the record's
     * entries against them); they live here because documents-service names the same codes on its справки.
     */
    public static final String SPECIALTIES = "reference/specialties-v1.json";
    /** Kinds of education document (диплом, диплом с отличием...). */
    public static final String DOCUMENT_KINDS = "reference/document-kinds-v1.json";
    /** Postgraduate programmes (интернатура, ординатура...). */
    public static final String POSTGRADUATE_PROGRAMS = "reference/postgraduate-programs-v1.json";
    /** Kinds of additional professional programme. */
    public static final String ADDITIONAL_EDUCATION_KINDS = "reference/additional-education-kinds-v1.json";
    /** Kinds of accreditation of a specialist. */
    public static final String ACCREDITATION_KINDS = "reference/accreditation-kinds-v1.json";
    /** Qualification categories. */
    public static final String QUALIFICATION_CATEGORIES = "reference/qualification-categories-v1.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public CodeList {
        names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
    }

    /** Reads a file of {@code {"dictionary", "version", "entries": [{"code", "name"}]}} from the class path. */
    public static CodeList load(String resource) {
        try (InputStream in = CodeList.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing reference dictionary " + resource);
            }
            Edition edition = JSON.readValue(in, Edition.class);
            Map<String, String> byCode = new LinkedHashMap<>();
            for (Entry entry : edition.entries()) {
                if (byCode.put(entry.code(), entry.name()) != null) {
                    throw new IllegalStateException("Duplicate code " + entry.code() + " in " + resource);
                }
            }
            return new CodeList(edition.dictionary(), edition.version(), byCode);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable reference dictionary " + resource, e);
        }
    }

    public boolean contains(String code) {
        return code != null && names.containsKey(code);
    }

    public Optional<String> nameOf(String code) {
        return Optional.ofNullable(code == null ? null : names.get(code));
    }

    /** Every code, in the file's order. */
    public List<String> codes() {
        return List.copyOf(names.keySet());
    }

    private record Edition(String dictionary, int version, List<Entry> entries) {
    }

    private record Entry(String code, String name) {
    }
}
