package ru.frmr.employer.query.discrepancy;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.frmr.employer.api.DiscrepancyAnsweredEvent;
import ru.frmr.employer.api.DiscrepancyRaisedEvent;
import ru.frmr.employer.api.EmployerResponseOverdueEvent;

/** Keeps the discrepancies read model: the worker's list, HR's list with due dates and the supervisors' queue. */
@Component
@ProcessingGroup(DiscrepancyProjection.PROCESSING_GROUP)
class DiscrepancyProjection {

    static final String PROCESSING_GROUP = "discrepancies";

    private final DiscrepancyViews views;

    DiscrepancyProjection(DiscrepancyViews views) {
        this.views = views;
    }

    @EventHandler
    void on(DiscrepancyRaisedEvent e, @SequenceNumber long sequence) {
        views.insert(new DiscrepancyView(e.discrepancyId(), e.organizationId(), e.workerId(), e.employmentId(),
                e.field(), e.recordedValue(), e.correctValue(), e.comment(), e.filedAt(),
                e.countsAsFiledOn().toString(), e.dueDate().toString(), e.provisional(), e.overdueAt(),
                DiscrepancyStatus.OPEN, false, null, null, null, null, false, sequence));
    }

    @EventHandler
    void on(EmployerResponseOverdueEvent e, @SequenceNumber long sequence) {
        // The discrepancy refuses to become overdue once answered, so in its own order this comes before any answer.
        views.updateIfNewer(e.discrepancyId(), sequence, new Update()
                .set("status", DiscrepancyStatus.OVERDUE)
                .set("escalated", true)
                .set("escalatedAt", e.recordedAt()));
    }

    @EventHandler
    void on(DiscrepancyAnsweredEvent e, @SequenceNumber long sequence) {
        views.updateIfNewer(e.discrepancyId(), sequence, new Update()
                .set("status", DiscrepancyStatus.ANSWERED)
                .set("outcome", e.outcome())
                .set("explanation", e.explanation())
                .set("answeredAt", e.answeredAt())
                .set("late", e.late()));
    }
}
