package ru.frmr.contracts.notification;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: support answered a request. Never the text.
 *
 * @param answeredBy the SUPPORT officer's account
 * @param late       answered after the request's {@code answerDueAt}
 */
public record SupportRequestAnswered(String requestId, String ticketNumber, String answeredBy, boolean late,
                                     Instant answeredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return requestId;
    }
}
