package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asked before a one-time code is sent: a blocked or locked account gets no code. Answers a {@link LoginCheck}.
 *
 * @param addressHash the client's address, keyed-hashed (see {@code AddressHashes}): recorded with a refusal
 */
public record CheckLoginAllowedCommand(@TargetAggregateIdentifier String accountId, Instant at, String addressHash) {
}
