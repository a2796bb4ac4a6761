package ru.frmr.registry.command;

import java.time.LocalDate;

import ru.frmr.registry.api.LicenseNoticeThreshold;

/** A notice the record has issued: one per entry, end date and threshold, ever. */
record IssuedLicenseNotice(String entryId, LocalDate endDate, LicenseNoticeThreshold threshold) {
}
