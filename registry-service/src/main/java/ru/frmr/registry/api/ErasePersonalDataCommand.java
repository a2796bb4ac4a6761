package ru.frmr.registry.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erases the worker's personal data (crypto-shredding): their data key is destroyed, so every sealed copy of
 * СНИЛС, ИНН, identity document and contacts becomes unreadable; the record itself stays.
 *
 * @param reason why, for the audit: plain text without personal data
 */
public record ErasePersonalDataCommand(@TargetAggregateIdentifier String workerId, String reason, String erasedBy,
                                       Instant erasedAt) {
}
