package ru.frmr.registry.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issue the expiry notice of one licence of the record, if it is still due. Sent by any replica's expiry
 * sweeper, possibly more than once: the record answers with a {@link LicenseNoticeOutcome} and issues each
 * notice at most once.
 *
 * @param entryId the certificate or accreditation entry
 * @param endDate the end date the notice was scheduled for; a corrected end date makes it void
 * @param today   the registry's day (Moscow) of the sender, so the aggregate needs no clock
 */
public record IssueLicenseNoticeCommand(@TargetAggregateIdentifier String workerId, String entryId,
                                        LicenseNoticeThreshold threshold, LocalDate endDate, LocalDate today) {
}
