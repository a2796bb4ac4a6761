package ru.frmr.contracts.employer;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: a link request between a medical organisation and a worker was settled: the other side accepted or
 * declined it, or nobody answered it in time. Ids only (for notifications: the side that asked learns the outcome).
 *
 * @param initiatedBy which side asked: {@code EMPLOYER} or {@code WORKER}
 * @param outcome     {@code ACCEPTED}, {@code DECLINED} or {@code EXPIRED}
 */
public record EmployerLinkAnswered(String requestId, String organizationId, String workerId, String initiatedBy,
                                   String outcome, Instant answeredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return requestId;
    }
}
