package ru.frmr.employer.saga;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import ru.frmr.employer.api.DiscrepancyAnsweredEvent;
import ru.frmr.employer.api.DiscrepancyRaisedEvent;
import ru.frmr.employer.api.EmployerResponseOverdueEvent;

/**
 * Keeps the persisted answer deadlines in step with the discrepancies: a raised one is scheduled, an answered or
 * escalated one settled. Its own tracking processor, so the schedule survives restarts; every write is
 * idempotent, so a replay or a re-delivery changes nothing.
 */
@Component
@ProcessingGroup(AnswerDeadlineProjection.PROCESSING_GROUP)
class AnswerDeadlineProjection {

    static final String PROCESSING_GROUP = "discrepancy-deadlines";

    private final AnswerDeadlines deadlines;

    AnswerDeadlineProjection(AnswerDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @EventHandler
    void on(DiscrepancyRaisedEvent event) {
        deadlines.schedule(event.discrepancyId(), event.overdueAt());
    }

    @EventHandler
    void on(DiscrepancyAnsweredEvent event) {
        deadlines.settle(event.discrepancyId());
    }

    @EventHandler
    void on(EmployerResponseOverdueEvent event) {
        deadlines.settle(event.discrepancyId());
    }
}
