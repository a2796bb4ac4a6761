package ru.frmr.notification.support.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** @param automatically closed by the sweep 14 days after the answer, not by the requester */
@Revision("1")
public record SupportRequestClosedEvent(String requestId, Instant closedAt, boolean automatically) {
}
