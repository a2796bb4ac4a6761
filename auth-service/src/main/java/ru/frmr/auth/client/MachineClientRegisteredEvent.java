package ru.frmr.auth.client;

import java.util.List;

import org.axonframework.serialization.Revision;

/** Stored: a machine client of an agency was registered (its keys stay in the client store, never in events). */
@Revision("1")
public record MachineClientRegisteredEvent(String clientId, String agencyId, List<String> scopes) {
}
