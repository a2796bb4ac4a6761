package ru.frmr.registry.web;

import java.util.Locale;

import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.registry.api.Snils;

/**
 * What an administrator or a supervisor typed into the worker lookup: a registry number, a СНИЛС, or the beginning
 * of a name (the surname's beginning, or the whole surname and the beginning of the first name, and so on). Errors
 * name the parameter {@code q} and never repeat what was typed: it may be a СНИЛС.
 */
sealed interface WorkerLookupQuery {

    int MAX_LENGTH = 100;

    static WorkerLookupQuery parse(String q) {
        String text = q == null ? "" : q.strip();
        if (text.isEmpty()) {
            throw new InvalidParameterException("q", "must not be blank");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidParameterException("q", "must be at most " + MAX_LENGTH + " characters");
        }
        String lowerCase = text.toLowerCase(Locale.ROOT);
        if (lowerCase.matches(InputRules.UUID)) {
            return new ByRegistryNumber(lowerCase);
        }
        if (text.matches("[\\d\\s-]+")) {
            return Snils.parse(text).<WorkerLookupQuery>map(snils -> new BySnils(snils.digits()))
                    .orElseThrow(() -> new InvalidParameterException("q",
                            "is not a valid СНИЛС (format 000-000-000 00, checksum)"));
        }
        if (!text.matches(InputRules.PERSON_NAME)) {
            throw new InvalidParameterException("q",
                    "must be a registry number, a СНИЛС or the beginning of a name (letters, spaces, hyphens)");
        }
        return new ByName(text);
    }

    record ByRegistryNumber(String id) implements WorkerLookupQuery {
    }

    /** @param digits the 11 digits; {@link #toString()} hides them */
    record BySnils(String digits) implements WorkerLookupQuery {

        @Override
        public String toString() {
            return "BySnils[***]";
        }
    }

    record ByName(String prefix) implements WorkerLookupQuery {
    }
}
