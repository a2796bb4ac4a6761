package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that the account's personal data were erased (its person's data key is already shredded).
 *
 * @param erasureId the id of the registry's {@code PersonalDataErased} message: a redelivery records nothing
 */
public record ErasePersonalDataCommand(@TargetAggregateIdentifier String accountId, String erasureId, Instant at) {
}
