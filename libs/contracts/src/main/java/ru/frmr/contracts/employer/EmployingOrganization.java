package ru.frmr.contracts.employer;

/**
 * The medical organisation an employment is with, as the employer-service knows it.
 *
 * @param id         the employer-service's organisation id
 * @param ogrn       ОГРН, 13 digits with its check digit
 * @param regionCode code of the subject of the Russian Federation the organisation is registered in
 *                   (two digits, the ФНС numbering: {@code 77} Москва, {@code 50} Московская область)
 */
public record EmployingOrganization(String id, String name, String ogrn, String regionCode) {
}
