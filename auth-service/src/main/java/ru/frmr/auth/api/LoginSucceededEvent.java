package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import ru.frmr.contracts.auth.LoginMethod;

/** Domain event: a login completed and opened {@code sessionId}. */
@Revision("1")
public record LoginSucceededEvent(String accountId, String sessionId, LoginMethod method, Instant at) {
}
