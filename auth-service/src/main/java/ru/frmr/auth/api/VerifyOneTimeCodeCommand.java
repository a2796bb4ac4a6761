package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The outcome of a one-time code check, for the account to count. The code itself never reaches the
 * aggregate: the caller compared it with the stored hash. Answers a {@link CodeCheck}.
 *
 * @param matched     whether the code was right
 * @param purpose     {@code LOGIN} or {@code STEP_UP}: becomes the {@code LoginFailed} reason of a wrong code
 * @param addressHash the client's address, keyed-hashed (see {@code AddressHashes}): recorded with a failure
 */
public record VerifyOneTimeCodeCommand(@TargetAggregateIdentifier String accountId, boolean matched,
                                       CodePurpose purpose, Instant at, String addressHash) {
}
