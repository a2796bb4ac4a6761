package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import ru.frmr.contracts.auth.LoginMethod;

/**
 * Records a completed login on the account. Answers a {@link LoginCheck}: refused (blocked, locked, unconfirmed) or
 * allowed; when allowed, the account has also decided which of its sessions end to make room for this one.
 *
 * @param device      the browser and system the login came from ({@code "Chrome, Windows"}), never the raw user agent
 * @param addressHash the client's address, keyed-hashed (see {@code AddressHashes}): recorded with a refusal
 */
public record StartSessionCommand(@TargetAggregateIdentifier String accountId, String sessionId, LoginMethod method,
                                  Instant at, String device, String addressHash) {
}
