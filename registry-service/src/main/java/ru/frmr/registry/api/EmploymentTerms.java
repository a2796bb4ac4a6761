package ru.frmr.registry.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * What an employer recorded about one employment of a worker: where, in which position, on what terms,
 * since when. Comes from the employer-service; the worker cannot change it here.
 *
 * @param ogrn         ОГРН of the organisation, 13 digits
 * @param regionCode   subject of the Russian Federation, from the regions dictionary
 * @param department   may be null
 * @param positionCode from the positions dictionary
 * @param rate         share of a full-time position, 0.25 to 1.5 in steps of 0.25
 */
public record EmploymentTerms(String organizationId, String organizationName, String ogrn, String regionCode,
                              String department, String positionCode, BigDecimal rate,
                              EmploymentContractKind contractKind, LocalDate startDate) {

    /**
     * The same terms in one spelling: the rate at two decimals ({@code 1}, {@code 1.0} and {@code 1.00} are one
     * value), a blank department absent. Two reports of the same terms then compare equal.
     */
    public EmploymentTerms normalised() {
        String dept = department == null || department.isBlank() ? null : department.strip();
        return new EmploymentTerms(organizationId, organizationName, ogrn, regionCode, dept, positionCode,
                rate == null ? null : rate.setScale(2, RoundingMode.UNNECESSARY), contractKind, startDate);
    }
}
