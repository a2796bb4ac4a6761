package ru.frmr.registry.query;

import java.math.BigDecimal;
import java.time.LocalDate;

import ru.frmr.registry.api.EmploymentContractKind;
import ru.frmr.registry.api.EmploymentTerms;

/**
 * One employment as the cabinet shows it, with the dictionary names beside the codes.
 *
 * @param endDate null while the employment lasts
 * @param version the employer's version of the employment record last applied
 */
public record EmploymentView(String organizationId, String organizationName, String ogrn, String regionCode,
                             String regionName, String department, String positionCode, String positionName,
                             BigDecimal rate, EmploymentContractKind contractKind, LocalDate startDate,
                             LocalDate endDate, long version) {

    static EmploymentView of(EmploymentTerms terms, String regionName, String positionName, LocalDate endDate,
                             long version) {
        return new EmploymentView(terms.organizationId(), terms.organizationName(), terms.ogrn(), terms.regionCode(),
                regionName, terms.department(), terms.positionCode(), positionName, terms.rate(),
                terms.contractKind(), terms.startDate(), endDate, version);
    }
}
