package ru.frmr.auth.client;

import org.axonframework.serialization.Revision;

/** Stored: a machine client was revoked. */
@Revision("1")
public record MachineClientRevokedEvent(String clientId, String agencyId) {
}
