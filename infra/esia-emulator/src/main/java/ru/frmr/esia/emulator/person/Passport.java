package ru.frmr.esia.emulator.person;

import java.time.LocalDate;

/** A Russian internal passport ({@code RF_PASSPORT}); {@code issueId} is the issuing unit's code. */
public record Passport(String series, String number, LocalDate issueDate, String issueId, String issuedBy) {
}
