package ru.frmr.esia.emulator.person;

/** An organisation the person acts for in ESIA. */
public record OrganisationRole(long oid, String fullName, String ogrn, boolean chief, boolean admin,
                               boolean active) {
}
