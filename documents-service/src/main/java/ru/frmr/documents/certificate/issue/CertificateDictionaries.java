package ru.frmr.documents.certificate.issue;

import java.util.Map;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.reference.CodeList;

/**
 * The code lists a справка names codes by, read once from libs/contracts' {@code reference/} (the same files the
 * registry and the employer-service check codes against). A code missing from its list is printed as the code: an
 * entry approved under a later edition must still be certified.
 */
@Component
class CertificateDictionaries {

    private final CodeList specialties = CodeList.load(CodeList.SPECIALTIES);
    private final CodeList positions = CodeList.load(CodeList.POSITIONS);
    private final CodeList contractKinds = CodeList.load(CodeList.EMPLOYMENT_CONTRACT_KINDS);
    /** The list that names an entry's {@code kind}, by the record's section. */
    private final Map<String, CodeList> kindsBySection = Map.of(
            "EDUCATION", CodeList.load(CodeList.DOCUMENT_KINDS),
            "POSTGRADUATE_EDUCATION", CodeList.load(CodeList.POSTGRADUATE_PROGRAMS),
            "ADDITIONAL_EDUCATION", CodeList.load(CodeList.ADDITIONAL_EDUCATION_KINDS),
            "ACCREDITATION", CodeList.load(CodeList.ACCREDITATION_KINDS),
            "QUALIFICATION_CATEGORIES", CodeList.load(CodeList.QUALIFICATION_CATEGORIES));

    String specialty(String code) {
        return named(specialties, code);
    }

    String position(String code) {
        return named(positions, code);
    }

    String contractKind(String code) {
        return named(contractKinds, code);
    }

    String entryKind(String section, String code) {
        CodeList kinds = kindsBySection.get(section);
        return kinds == null ? orDash(code) : named(kinds, code);
    }

    private static String named(CodeList list, String code) {
        return list.nameOf(code).orElse(orDash(code));
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
