package ru.frmr.notification.support.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.kit.error.ConflictException;
import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.kit.error.NotFoundException;
import ru.frmr.notification.support.api.AnswerSupportRequestCommand;
import ru.frmr.notification.support.api.AutoCloseSupportRequestCommand;
import ru.frmr.notification.support.api.CloseSupportRequestCommand;
import ru.frmr.notification.support.api.FileSupportRequestCommand;
import ru.frmr.notification.support.api.MarkAnswerOverdueCommand;
import ru.frmr.notification.support.api.ReopenSupportRequestCommand;
import ru.frmr.notification.support.api.SupportAnswerOverdueEvent;
import ru.frmr.notification.support.api.SupportRequestAnsweredEvent;
import ru.frmr.notification.support.api.SupportRequestClosedEvent;
import ru.frmr.notification.support.api.SupportRequestFiledEvent;
import ru.frmr.notification.support.api.SupportRequestReopenedEvent;
import ru.frmr.notification.support.api.SupportRequestTakenEvent;
import ru.frmr.notification.support.api.SupportPolicy;
import ru.frmr.notification.support.api.SupportStatus;
import ru.frmr.notification.support.api.SweepOutcome;
import ru.frmr.notification.support.api.TakeSupportRequestCommand;

/**
 * One support request (обращение): NEW → IN_WORK (taken) → ANSWERED → CLOSED, by the requester or by itself 14
 * days after the answer; the requester may reopen it within those 14 days (IN_WORK again, a new answer due in 24
 * hours). Texts are sealed here, under the requester's key, so that erasing the person makes them unreadable.
 * Only the requester closes or reopens: to anyone else the request does not exist (404, as for an unknown id).
 */
@Aggregate
class SupportRequest {

    static final int TEXT_MIN = 10;
    static final int TEXT_MAX = 4000;
    static final int ANSWER_MIN = 2;
    static final Pattern TICKET_NUMBER = Pattern.compile("^ФРМР-[0-9]{4}-[0-9]{6,}$");

    @AggregateIdentifier
    private String requestId;
    private String ticketNumber;
    private String requesterAccountId;
    private NotificationChannel answerChannel;
    private SupportStatus status;
    private Instant answerDueAt;
    private Instant answeredAt;
    private boolean overdueMarked;

    SupportRequest() {
        // Axon rebuilds the request from its events.
    }

    @CommandHandler
    SupportRequest(FileSupportRequestCommand command, PersonalDataCipher cipher) {
        if (command.ticketNumber() == null || !TICKET_NUMBER.matcher(command.ticketNumber()).matches()) {
            throw new IllegalArgumentException("A ticket number like ФРМР-2026-000123 is required");
        }
        if (command.topic() == null) {
            throw new InvalidParameterException("topic", "is required");
        }
        String text = text(command.text(), TEXT_MIN);
        if (command.answerChannel() != NotificationChannel.EMAIL && command.answerChannel() != NotificationChannel.INBOX) {
            throw new InvalidParameterException("answerChannel", "must be EMAIL or INBOX");
        }
        if (command.requesterAccountId() == null && command.answerChannel() != NotificationChannel.EMAIL) {
            throw new InvalidParameterException("answerChannel", "without logging in the answer goes by e-mail");
        }
        String key = SupportRequestFiledEvent.requesterKey(command.requestId(), command.requesterAccountId());
        apply(new SupportRequestFiledEvent(command.requestId(), command.ticketNumber(), command.topic(),
                command.requesterAccountId(), command.answerChannel(), cipher.encrypt(key, text), command.filedAt(),
                command.filedAt().plus(SupportPolicy.ANSWER_TARGET)));
    }

    @CommandHandler
    void handle(TakeSupportRequestCommand command) {
        if (status == SupportStatus.IN_WORK) {
            return;
        }
        if (status != SupportStatus.NEW) {
            throw new ConflictException("requestId", "the request is " + status);
        }
        apply(new SupportRequestTakenEvent(requestId, command.officerAccountId(), command.at()));
    }

    @CommandHandler
    void handle(AnswerSupportRequestCommand command, PersonalDataCipher cipher) {
        String text = text(command.text(), ANSWER_MIN);
        if (!status.open()) {
            throw new ConflictException("requestId", "the request is " + status);
        }
        apply(new SupportRequestAnsweredEvent(requestId, ticketNumber, command.officerAccountId(),
                cipher.encrypt(requesterKey(), text), command.at().isAfter(answerDueAt), command.at(),
                requesterAccountId, answerChannel));
    }

    @CommandHandler
    void handle(CloseSupportRequestCommand command) {
        requireRequester(command.accountId());
        if (status == SupportStatus.CLOSED) {
            return;
        }
        apply(new SupportRequestClosedEvent(requestId, command.at(), false));
    }

    @CommandHandler
    void handle(ReopenSupportRequestCommand command, PersonalDataCipher cipher) {
        requireRequester(command.accountId());
        String text = text(command.text(), TEXT_MIN);
        if (status.open()) {
            throw new ConflictException("requestId", "the request is " + status + ": it is still being answered");
        }
        if (answeredAt == null) {
            throw new BusinessRuleException("requestId", "a request closed before any answer cannot be reopened: "
                    + "file a new one");
        }
        if (command.at().isAfter(answeredAt.plus(SupportPolicy.REOPEN_WINDOW))) {
            throw new BusinessRuleException("requestId", "a request can be reopened within 14 days of the answer: "
                    + "file a new one");
        }
        apply(new SupportRequestReopenedEvent(requestId, cipher.encrypt(requesterKey(), text), command.at(),
                command.at().plus(SupportPolicy.ANSWER_TARGET)));
    }

    @CommandHandler
    SweepOutcome handle(AutoCloseSupportRequestCommand command) {
        if (status != SupportStatus.ANSWERED) {
            return SweepOutcome.SETTLED;
        }
        if (command.at().isBefore(answeredAt.plus(SupportPolicy.REOPEN_WINDOW))) {
            return SweepOutcome.NOT_DUE;
        }
        apply(new SupportRequestClosedEvent(requestId, command.at(), true));
        return SweepOutcome.DONE;
    }

    /** Once per target: a reopened request has a new one, and missing that is another breach. */
    @CommandHandler
    SweepOutcome handle(MarkAnswerOverdueCommand command) {
        if (overdueMarked || !status.open()) {
            return SweepOutcome.SETTLED;
        }
        if (command.at().isBefore(answerDueAt)) {
            return SweepOutcome.NOT_DUE;
        }
        apply(new SupportAnswerOverdueEvent(requestId, ticketNumber, answerDueAt, command.at()));
        return SweepOutcome.DONE;
    }

    @EventSourcingHandler
    void on(SupportRequestFiledEvent event) {
        requestId = event.requestId();
        ticketNumber = event.ticketNumber();
        requesterAccountId = event.requesterAccountId();
        answerChannel = event.answerChannel();
        answerDueAt = event.answerDueAt();
        status = SupportStatus.NEW;
    }

    @EventSourcingHandler
    void on(SupportRequestTakenEvent event) {
        status = SupportStatus.IN_WORK;
    }

    @EventSourcingHandler
    void on(SupportRequestAnsweredEvent event) {
        status = SupportStatus.ANSWERED;
        answeredAt = event.answeredAt();
    }

    @EventSourcingHandler
    void on(SupportRequestReopenedEvent event) {
        status = SupportStatus.IN_WORK;
        answerDueAt = event.answerDueAt();
        overdueMarked = false;
    }

    @EventSourcingHandler
    void on(SupportRequestClosedEvent event) {
        status = SupportStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(SupportAnswerOverdueEvent event) {
        overdueMarked = true;
    }

    private String requesterKey() {
        return SupportRequestFiledEvent.requesterKey(requestId, requesterAccountId);
    }

    /** The same 404 as for an unknown id: a request's existence is not told to others. */
    private void requireRequester(String accountId) {
        if (requesterAccountId == null || !requesterAccountId.equals(accountId)) {
            throw new NotFoundException("No such request.");
        }
    }

    private static String text(String text, int min) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.length() < min || stripped.length() > TEXT_MAX) {
            throw new InvalidParameterException("text", "must be " + min + " to " + TEXT_MAX + " characters");
        }
        return stripped;
    }
}
