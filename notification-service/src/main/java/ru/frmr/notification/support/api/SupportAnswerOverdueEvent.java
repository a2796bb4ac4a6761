package ru.frmr.notification.support.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The answer target passed unanswered; recorded once per target (a reopened request has a new one). */
@Revision("1")
public record SupportAnswerOverdueEvent(String requestId, String ticketNumber, Instant answerDueAt,
                                        Instant markedAt) {
}
