package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Domain event: a right one-time code; the count of wrong ones starts again. */
@Revision("1")
public record SecondFactorPassedEvent(String accountId, CodePurpose purpose, Instant at) {
}
