package ru.frmr.registry.command;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.registry.api.IdentityDocument;
import ru.frmr.registry.api.Inn;

/**
 * The rules for a worker's personal data besides СНИЛС and name: ИНН checksum, gender, citizenship and the
 * identity document's form. Checked in plain text, before anything is sealed.
 */
final class PersonalDataRules {

    private static final Set<String> GENDERS = Set.of("M", "F");
    private static final String DOCUMENT_TYPE = "[A-Z_]{1,40}";
    /** Series and numbers of any country's document: letters, digits, spaces and hyphens. */
    private static final String DOCUMENT_CODE = "[\\p{IsAlphabetic}\\d][\\p{IsAlphabetic}\\d -]{0,29}";
    private static final int MAX_ISSUER = 300;

    private PersonalDataRules() {
    }

    /** @throws BusinessRuleException naming the first field that breaks a rule */
    static void check(String gender, String citizenship, String inn, IdentityDocument document, LocalDate birthDate) {
        require(validGender(gender), "gender", "must be M or F");
        require(validCitizenship(citizenship), "citizenship", "must be an ISO 3166-1 alpha-3 code, e.g. RUS");
        require(inn == null || Inn.isValid(inn), "inn", "is not a valid ИНН of a person (12 digits, checksum)");
        documentViolation(document, birthDate).ifPresent(field -> {
            throw new BusinessRuleException(field, "is not valid for this kind of identity document");
        });
    }

    static boolean validGender(String gender) {
        return gender == null || GENDERS.contains(gender);
    }

    static boolean validCitizenship(String citizenship) {
        return citizenship == null || citizenship.matches("[A-Z]{3}");
    }

    /** @return the identity document's first field that breaks a rule, empty when it is valid or absent */
    static Optional<String> documentViolation(IdentityDocument d, LocalDate birthDate) {
        if (d == null) {
            return Optional.empty();
        }
        if (d.type() == null || !d.type().matches(DOCUMENT_TYPE)) {
            return Optional.of("identityDocument.type");
        }
        boolean passport = IdentityDocument.RF_PASSPORT.equals(d.type());
        if (d.series() != null && !d.series().matches(passport ? "\\d{4}" : DOCUMENT_CODE)) {
            return Optional.of("identityDocument.series");
        }
        if (d.number() == null || !d.number().matches(passport ? "\\d{6}" : DOCUMENT_CODE)) {
            return Optional.of("identityDocument.number");
        }
        if (d.issueDate() != null && birthDate != null && d.issueDate().isBefore(birthDate)) {
            return Optional.of("identityDocument.issueDate");
        }
        if (d.issuedBy() != null && (d.issuedBy().isBlank() || d.issuedBy().length() > MAX_ISSUER
                || d.issuedBy().matches("(?s).*[<>].*"))) {
            return Optional.of("identityDocument.issuedBy");
        }
        if (d.issuerCode() != null && !d.issuerCode().matches(passport ? "\\d{3}-\\d{3}" : DOCUMENT_CODE)) {
            return Optional.of("identityDocument.issuerCode");
        }
        return Optional.empty();
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new BusinessRuleException(field, message);
        }
    }
}
