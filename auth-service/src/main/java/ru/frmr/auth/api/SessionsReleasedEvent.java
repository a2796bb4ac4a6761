package ru.frmr.auth.api;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/** Domain event: the account no longer counts these sessions toward its limit. */
@Revision("1")
public record SessionsReleasedEvent(String accountId, List<String> sessionIds, Instant at) {
}
