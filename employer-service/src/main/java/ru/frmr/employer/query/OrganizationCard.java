package ru.frmr.employer.query;

/** A medical organisation's current card, as the organisations read model holds it. */
public record OrganizationCard(String id, String name, String ogrn, String inn, String kpp, String frmoId,
                               String regionCode, String address, long version) {
}
