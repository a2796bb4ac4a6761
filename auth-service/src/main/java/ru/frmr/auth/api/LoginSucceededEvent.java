package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import ru.frmr.contracts.auth.LoginMethod;

/**
 * Domain event: a login completed and opened {@code sessionId}. Revision 2 adds {@code device} and
 * {@code newDevice}; events of revision 1 read as device null, not new.
 *
 * @param device    the browser and system the login came from ({@code "Chrome, Windows"}); null in events stored
 *                  before it was recorded
 * @param newDevice the account had logged in before, never from this device (false on its first login)
 */
@Revision("2")
public record LoginSucceededEvent(String accountId, String sessionId, LoginMethod method, Instant at, String device,
                                  boolean newDevice) {
}
