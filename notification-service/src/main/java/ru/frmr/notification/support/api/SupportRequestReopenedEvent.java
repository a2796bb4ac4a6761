package ru.frmr.notification.support.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** @param sealedText the requester's further message, sealed like the request's text */
@Revision("1")
public record SupportRequestReopenedEvent(String requestId, String sealedText, Instant reopenedAt,
                                          Instant answerDueAt) {
}
