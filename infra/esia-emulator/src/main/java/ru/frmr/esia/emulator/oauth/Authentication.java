package ru.frmr.esia.emulator.oauth;

import java.time.Instant;

/**
 * A person signed in to the emulator in one browser session.
 *
 * @param sid the ESIA session id ({@code urn:esia:sid}), the same for every authorization within that session
 */
public record Authentication(long oid, String sid, Instant authTime) {
}
