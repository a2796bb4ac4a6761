package ru.frmr.esia.emulator.oauth;

import java.time.Instant;

/** An issued authorization code, bound to the client and redirect URI it was issued for. */
record AuthorizationCode(Grant grant, String redirectUri, String state, Instant expiresAt) {
}
