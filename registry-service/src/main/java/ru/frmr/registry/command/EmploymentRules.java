package ru.frmr.registry.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.registry.api.EmploymentTerms;
import ru.frmr.registry.reference.EmploymentDictionaries;

/**
 * What an employment must hold to enter a record, whoever reports it. Field names are those of the
 * employer's event ({@code organization.ogrn}), so a dead-lettered event names what to fix.
 */
final class EmploymentRules {

    /** Ids become keys of read-model maps: letters, digits, '-' and '_' only (no '.', no '$'). */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern PLAIN_TEXT = Pattern.compile("[^<>\\p{Cntrl}]*");
    private static final Pattern OGRN = Pattern.compile("\\d{13}");
    private static final int NAME_FIELD = 300;
    private static final int ACTOR_FIELD = 100;
    private static final BigDecimal QUARTER = new BigDecimal("0.25");
    private static final BigDecimal MAX_RATE = new BigDecimal("1.5");

    private final EmploymentDictionaries dictionaries;

    EmploymentRules(EmploymentDictionaries dictionaries) {
        this.dictionaries = dictionaries;
    }

    /** @param reportedOn the day the employer reported the terms: the employment must have begun by then */
    void checkTerms(String employmentId, long version, EmploymentTerms terms, String actor, LocalDate reportedOn) {
        checkReport(employmentId, version, actor);
        require(terms != null, "organization", "is required");
        id(terms.organizationId(), "organization.id");
        text(terms.organizationName(), "organization.name", NAME_FIELD, true);
        require(isOgrn(terms.ogrn()), "organization.ogrn", "is not a valid ОГРН");
        require(dictionaries.isRegion(terms.regionCode()), "organization.regionCode", "is not a known region code");
        text(terms.department(), "department", NAME_FIELD, false);
        require(dictionaries.isPosition(terms.positionCode()), "positionCode", "is not a known position code");
        require(isRate(terms.rate()), "rate", "must be 0.25 to 1.5 in steps of 0.25");
        require(terms.contractKind() != null, "contractKind", "is required");
        require(terms.startDate() != null, "startDate", "is required");
        require(!terms.startDate().isAfter(reportedOn), "startDate", "must not be after the day it was reported");
    }

    void checkEnd(String employmentId, long version, LocalDate endDate, String actor, LocalDate reportedOn) {
        checkReport(employmentId, version, actor);
        require(endDate != null, "endDate", "is required");
        require(!endDate.isAfter(reportedOn), "endDate", "must not be after the day it was reported");
    }

    /** ОГРН: 13 digits, the last being the remainder of the first twelve divided by 11, taken mod 10. */
    static boolean isOgrn(String value) {
        if (value == null || !OGRN.matcher(value).matches()) {
            return false;
        }
        long body = Long.parseLong(value.substring(0, 12));
        return body % 11 % 10 == value.charAt(12) - '0';
    }

    static boolean isRate(BigDecimal rate) {
        return rate != null && rate.compareTo(QUARTER) >= 0 && rate.compareTo(MAX_RATE) <= 0
                && rate.remainder(QUARTER).signum() == 0;
    }

    private static void checkReport(String employmentId, long version, String actor) {
        id(employmentId, "employmentId");
        require(version >= 1, "version", "must be at least 1");
        text(actor, "actor", ACTOR_FIELD, false);
    }

    private static void id(String value, String field) {
        require(value != null && ID.matcher(value).matches(), field,
                "must be 1 to 64 letters, digits, '-' or '_'");
    }

    private static void text(String value, String field, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            require(!required, field, "is required");
            return;
        }
        require(value.length() <= maxLength, field, "must be at most " + maxLength + " characters");
        require(PLAIN_TEXT.matcher(value).matches(), field, "must be plain text");
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new BusinessRuleException(field, message);
        }
    }
}
