package ru.frmr.auth.oauth;

import java.time.Instant;

/** The assertion ids already used: an assertion is good for one token only (RFC 7523 §3, item 7). */
public interface AssertionJtis {

    /** True the first time this client's {@code jti} is presented, false ever after (until it has expired). */
    boolean firstUse(String clientId, String jti, Instant expiresAt);
}
