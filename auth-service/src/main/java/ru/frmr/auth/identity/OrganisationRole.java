package ru.frmr.auth.identity;

/** An organisation the person acts for, as ESIA's {@code /roles} lists it. */
public record OrganisationRole(String oid, String fullName, String ogrn, boolean chief, boolean admin,
                               boolean active) {
}
