package ru.frmr.employer.saga;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import ru.frmr.employer.api.LinkRequestAcceptedEvent;
import ru.frmr.employer.api.LinkRequestDeclinedEvent;
import ru.frmr.employer.api.LinkRequestExpiredEvent;
import ru.frmr.employer.api.LinkRequestedEvent;

/** Keeps a deadline for every pending link request, from the event store, so none is lost between two writes. */
@Component
@ProcessingGroup(LinkRequestDeadlineProjection.PROCESSING_GROUP)
class LinkRequestDeadlineProjection {

    static final String PROCESSING_GROUP = "link-request-deadlines";

    private final LinkRequestDeadlines deadlines;

    LinkRequestDeadlineProjection(LinkRequestDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @EventHandler
    void on(LinkRequestedEvent e) {
        deadlines.schedule(e.requestId(), e.membershipId(), e.expiresAt());
    }

    @EventHandler
    void on(LinkRequestAcceptedEvent e) {
        deadlines.settle(e.requestId());
    }

    @EventHandler
    void on(LinkRequestDeclinedEvent e) {
        deadlines.settle(e.requestId());
    }

    @EventHandler
    void on(LinkRequestExpiredEvent e) {
        deadlines.settle(e.requestId());
    }
}
