package ru.frmr.contracts.auth;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * A session was opened.
 *
 * @param device    the browser and system as a person names them ({@code Chrome, Windows}); never the raw user
 *                  agent, a version or an address; null when the login did not say (events before it was added)
 * @param newDevice the account had not logged in from this browser and system before (false on an account's
 *                  very first login): the person is told, whatever their notification settings
 */
public record LoginSucceeded(String accountId, String sessionId, LoginMethod method, Instant at, String device,
                             boolean newDevice)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return accountId;
    }
}
