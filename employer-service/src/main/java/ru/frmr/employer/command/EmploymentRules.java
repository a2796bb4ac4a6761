package ru.frmr.employer.command;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

import ru.frmr.employer.api.EmploymentChangeKind;
import ru.frmr.employer.api.EmploymentTerms;
import ru.frmr.employer.reference.EmploymentDictionaries;
import ru.frmr.kit.error.BusinessRuleException;

/**
 * What the terms of an employment must hold. Field names are the request's, so a 422 names what to fix. Dates are
 * checked against "today" in Moscow: the registry refuses an employment that has not begun by the day it is
 * reported ({@code EmploymentRecorded} is published once the employment has begun), so HR records a hire, a change
 * or a dismissal once it has happened.
 */
final class EmploymentRules {

    static final int TEXT_FIELD = 300;
    static final int CONTRACT_NUMBER = 50;
    private static final Pattern PLAIN_TEXT = Pattern.compile("[^<>\\p{Cntrl}]*");
    private static final BigDecimal QUARTER = new BigDecimal("0.25");
    private static final BigDecimal MAX_RATE = new BigDecimal("1.5");
    /**
     * No contract of a working medical worker is older. Without a floor a year like -1 passed, and the employment
     * events carried a start date their schemas' {@code format: date} refuses.
     */
    static final LocalDate EARLIEST_CONTRACT = LocalDate.of(1900, 1, 1);

    private EmploymentRules() {
    }

    /** Checks the terms of a hire and returns them in their one stored spelling. */
    static EmploymentTerms hire(EmploymentTerms terms, LocalDate today, EmploymentDictionaries dictionaries) {
        require(terms != null, "positionCode", "is required");
        position(terms.positionCode(), dictionaries);
        BigDecimal rate = rate(terms.rate());
        contractKind(terms.contractKind(), dictionaries);
        String department = text(terms.department(), "department", TEXT_FIELD, false);
        String contractNumber = text(terms.contractNumber(), "contractNumber", CONTRACT_NUMBER, true);
        require(terms.contractDate() != null, "contractDate", "is required");
        require(terms.startDate() != null, "startDate", "is required");
        contractDate(terms.contractDate());
        require(!terms.contractDate().isAfter(terms.startDate()), "contractDate",
                "must not be after the start date");
        require(!terms.startDate().isAfter(today), "startDate",
                "must not be in the future: record the hire once the employment has begun");
        return new EmploymentTerms(terms.positionCode(), department, rate, terms.contractKind(), contractNumber,
                terms.contractDate(), terms.startDate());
    }

    /** A change must change something, and what the kind says it changes. */
    static void checkKind(EmploymentChangeKind kind, EmploymentTerms before, EmploymentTerms after) {
        boolean position = !before.positionCode().equals(after.positionCode());
        boolean department = !Objects.equals(before.department(), after.department());
        boolean rate = before.rate().compareTo(after.rate()) != 0;
        boolean contractKind = !before.contractKind().equals(after.contractKind());
        require(position || department || rate || contractKind, "kind", "the new terms are the same as the old");
        switch (kind) {
            case TRANSFER -> {
                require(position || department, "department", "a transfer changes the department or the position");
                require(!contractKind, "contractKind", "a transfer keeps the kind of contract");
            }
            case POSITION_CHANGE -> {
                require(position, "positionCode", "a change of position names another position");
                require(!contractKind, "contractKind", "a change of position keeps the kind of contract");
            }
            case RATE_CHANGE -> {
                require(rate, "rate", "a change of rate names another rate");
                require(!position && !department && !contractKind, "kind", "a change of rate changes only the rate");
            }
            case CORRECTION -> {
                // Any of the terms may have been recorded wrongly.
            }
        }
    }

    /** Not before {@link #EARLIEST_CONTRACT}; the start date and every later date follow it. */
    static void contractDate(LocalDate date) {
        require(!date.isBefore(EARLIEST_CONTRACT), "contractDate", "must not be before " + EARLIEST_CONTRACT);
    }

    static void position(String code, EmploymentDictionaries dictionaries) {
        require(code != null && !code.isBlank(), "positionCode", "is required");
        require(dictionaries.positions().contains(code), "positionCode", "is not a known position code");
    }

    static void contractKind(String code, EmploymentDictionaries dictionaries) {
        require(code != null && !code.isBlank(), "contractKind", "is required");
        require(dictionaries.contractKinds().contains(code), "contractKind", "is not a known contract kind");
    }

    /** The rate with scale 2 (1, 1.0 and 1.00 are one rate). */
    static BigDecimal rate(BigDecimal rate) {
        require(rate != null, "rate", "is required");
        require(rate.compareTo(QUARTER) >= 0 && rate.compareTo(MAX_RATE) <= 0
                && rate.remainder(QUARTER).signum() == 0, "rate", "must be 0.25 to 1.5 in steps of 0.25");
        return rate.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Trimmed plain text, or null when blank and optional. */
    static String text(String value, String field, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            require(!required, field, "is required");
            return null;
        }
        String trimmed = value.strip();
        require(trimmed.length() <= maxLength, field, "must be at most " + maxLength + " characters");
        require(PLAIN_TEXT.matcher(trimmed).matches(), field, "must be plain text");
        return trimmed;
    }

    static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new BusinessRuleException(field, message);
        }
    }
}
