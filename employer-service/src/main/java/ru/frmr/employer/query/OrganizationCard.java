package ru.frmr.employer.query;

/** A medical organisation as its card reads now. */
public record OrganizationCard(String id, String name, String ogrn, String inn, String kpp, String frmoId,
                               String regionCode, String address, long version) {
}
