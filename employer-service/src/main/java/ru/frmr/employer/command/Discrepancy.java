package ru.frmr.employer.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import ru.frmr.employer.api.AnswerDiscrepancyCommand;
import ru.frmr.employer.api.DiscrepancyAnsweredEvent;
import ru.frmr.employer.api.DiscrepancyRaisedEvent;
import ru.frmr.employer.api.EmployerResponseOverdueEvent;
import ru.frmr.employer.api.MarkDiscrepancyOverdueCommand;
import ru.frmr.employer.api.OverdueOutcome;
import ru.frmr.employer.api.RaiseDiscrepancyCommand;
import ru.frmr.employer.calendar.DueDate;
import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.kit.error.ConflictException;
import ru.frmr.kit.error.NotFoundException;

/**
 * A worker's dispute of a field of an employment record, which the organisation's HR must answer within the
 * answer period. It decides once whether it is overdue, whichever replica asks and however often: the
 * escalation ({@link EmployerResponseOverdueEvent}) is recorded at most once. An answer after the due date is
 * still taken, and marked late.
 */
@Aggregate
class Discrepancy {

    static final int MAX_VALUE_LENGTH = 500;
    static final int MAX_TEXT_LENGTH = 2000;

    @AggregateIdentifier
    private String discrepancyId;
    private String organizationId;
    private String workerId;
    private String employmentId;
    private LocalDate dueDate;
    private Instant overdueAt;
    private boolean answered;
    private boolean overdue;

    Discrepancy() {
        // for Axon
    }

    @CommandHandler
    Discrepancy(RaiseDiscrepancyCommand command, AnswerPeriod answerPeriod) {
        String recorded = required(command.recordedValue(), "recordedValue", MAX_VALUE_LENGTH);
        String correct = required(command.correctValue(), "correctValue", MAX_VALUE_LENGTH);
        if (recorded.equals(correct)) {
            throw new BusinessRuleException("correctValue", "must differ from the recorded value");
        }
        if (command.field() == null) {
            throw new BusinessRuleException("field", "is required");
        }
        String comment = command.comment() == null || command.comment().isBlank() ? null : command.comment().strip();
        if (comment != null && comment.length() > MAX_TEXT_LENGTH) {
            throw new BusinessRuleException("comment", "must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        DueDate due = answerPeriod.forFiling(command.filedAt());
        apply(new DiscrepancyRaisedEvent(command.discrepancyId(), command.organizationId(), command.workerId(),
                command.employmentId(), command.field(), recorded, correct, comment, command.filedAt(),
                due.countsAsFiledOn(), due.dueDate(), due.provisional(), due.overdueAt()));
    }

    /** @return whether the answer came late */
    @CommandHandler
    boolean handle(AnswerDiscrepancyCommand command) {
        if (!organizationId.equals(command.organizationId())) {
            // Another organisation's HR learns nothing about it, not even that it exists.
            throw new NotFoundException(AnswerDiscrepancyCommand.NOT_FOUND);
        }
        if (answered) {
            throw new ConflictException("discrepancyId", "already answered");
        }
        if (command.outcome() == null) {
            throw new BusinessRuleException("outcome", "is required");
        }
        String explanation = required(command.explanation(), "explanation", MAX_TEXT_LENGTH);
        boolean late = !command.answeredAt().isBefore(overdueAt);
        apply(new DiscrepancyAnsweredEvent(discrepancyId, organizationId, workerId, command.outcome(), explanation,
                command.answeredBy(), command.answeredAt(), late));
        return late;
    }

    @CommandHandler
    OverdueOutcome handle(MarkDiscrepancyOverdueCommand command) {
        if (overdue) {
            return OverdueOutcome.ALREADY_OVERDUE;
        }
        if (answered) {
            return OverdueOutcome.ANSWERED;
        }
        if (command.now().isBefore(overdueAt)) {
            return OverdueOutcome.NOT_DUE;
        }
        apply(new EmployerResponseOverdueEvent(discrepancyId, organizationId, workerId, employmentId, dueDate,
                overdueAt, command.now()));
        return OverdueOutcome.OVERDUE;
    }

    private static String required(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new BusinessRuleException(field, "is required");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new BusinessRuleException(field, "must be at most " + maxLength + " characters");
        }
        return stripped;
    }

    @EventSourcingHandler
    void on(DiscrepancyRaisedEvent event) {
        discrepancyId = event.discrepancyId();
        organizationId = event.organizationId();
        workerId = event.workerId();
        employmentId = event.employmentId();
        dueDate = event.dueDate();
        overdueAt = event.overdueAt();
    }

    @EventSourcingHandler
    void on(DiscrepancyAnsweredEvent event) {
        answered = true;
    }

    @EventSourcingHandler
    void on(EmployerResponseOverdueEvent event) {
        overdue = true;
    }
}
