package ru.frmr.employer.command;

import ru.frmr.contracts.reference.CodeList;
import ru.frmr.employer.api.OrganizationDetails;
import ru.frmr.kit.error.BusinessRuleException;

/**
 * What a medical organisation's card must satisfy, field by field; the first field that fails is named (the
 * problem's field) and nothing is stored. The aggregate applies it, and so does {@link OrganizationRegistry} before
 * it claims the ОГРН, so a rejected card leaves no claim behind.
 */
final class OrganizationRules {

    static final int NAME_MAX = 300;
    static final int ADDRESS_MAX = 500;
    private static final CodeList REGIONS = CodeList.load(CodeList.REGIONS);

    private OrganizationRules() {
    }

    /** The card with surrounding blanks removed (what a form sends), unchanged otherwise. */
    static OrganizationDetails normalized(OrganizationDetails d) {
        return new OrganizationDetails(strip(d.name()), strip(d.ogrn()), strip(d.inn()), strip(d.kpp()),
                strip(d.frmoId()), strip(d.regionCode()), strip(d.address()));
    }

    static void check(OrganizationDetails d) {
        text("name", d.name(), NAME_MAX);
        if (!OrganizationNumbers.ogrnValid(d.ogrn())) {
            throw new BusinessRuleException("ogrn", "must be an organisation's ОГРН: 13 digits with a valid check digit");
        }
        if (!OrganizationNumbers.innValid(d.inn())) {
            throw new BusinessRuleException("inn", "must be an organisation's ИНН: 10 digits with a valid check digit");
        }
        if (!OrganizationNumbers.kppValid(d.kpp())) {
            throw new BusinessRuleException("kpp", "must be a КПП: 4 digits, 2 digits or capital letters, 3 digits");
        }
        if (!REGIONS.contains(d.regionCode())) {
            throw new BusinessRuleException("regionCode", "is not a code of the regions list");
        }
        if (!OrganizationNumbers.frmoIdValid(d.frmoId())) {
            throw new BusinessRuleException("frmoId",
                    "must be a ФРМО identifier: " + OrganizationNumbers.FRMO_BRANCH + ".<region>.<number>");
        }
        if (OrganizationNumbers.frmoRegion(d.frmoId()) != Integer.parseInt(d.regionCode())) {
            throw new BusinessRuleException("frmoId", "names another region than regionCode");
        }
        text("address", d.address(), ADDRESS_MAX);
    }

    private static void text(String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            throw new BusinessRuleException(field, "is required");
        }
        if (value.length() > max) {
            throw new BusinessRuleException(field, "is longer than " + max + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new BusinessRuleException(field, "contains control characters");
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
