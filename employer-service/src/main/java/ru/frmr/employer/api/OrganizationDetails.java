package ru.frmr.employer.api;

/**
 * What a medical organisation's card says, as a registry administrator (or the fixture) entered it; checked by
 * {@code OrganizationRules} before any of it is stored.
 *
 * @param ogrn       ОГРН, 13 digits with its check digit
 * @param inn        the organisation's ИНН, 10 digits with its check digit
 * @param kpp        КПП, NNNNXXNNN
 * @param frmoId     the organisation's OID in ФРМО (the register of medical organisations)
 * @param regionCode the subject of the Federation, a code of {@code CodeList.REGIONS}
 */
public record OrganizationDetails(String name, String ogrn, String inn, String kpp, String frmoId, String regionCode,
                                  String address) {
}
