package ru.frmr.notification.delivery.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.kit.error.ConflictException;
import ru.frmr.notification.delivery.api.DeliveryAttemptFailedEvent;
import ru.frmr.notification.delivery.api.DeliveryAttemptStartedEvent;
import ru.frmr.notification.delivery.api.DeliveryFailedEvent;
import ru.frmr.notification.delivery.api.DeliveryFailure;
import ru.frmr.notification.delivery.api.DeliveryQueuedEvent;
import ru.frmr.notification.delivery.api.DeliveryRetriedEvent;
import ru.frmr.notification.delivery.api.DeliverySentEvent;
import ru.frmr.notification.delivery.api.FailDeliveryCommand;
import ru.frmr.notification.delivery.api.QueueDeliveryCommand;
import ru.frmr.notification.delivery.api.RecordAttemptFailedCommand;
import ru.frmr.notification.delivery.api.RecordDeliverySentCommand;
import ru.frmr.notification.delivery.api.RetryDeliveryCommand;
import ru.frmr.notification.delivery.api.StartDeliveryAttemptCommand;
import ru.frmr.notification.notice.NoticeKind;

class DeliveryTest {

    private static final String ID = "6f1c2a7e-0d3b-3c55-9a1e-0b7f3d2c1a99";
    private static final String SOURCE = "evt-1";
    private static final String ACCOUNT = "acc-1";
    private static final Instant QUEUED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant LATER = QUEUED.plusSeconds(60);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Map<String, String> SEALED = Map.of("daysLeft", "pd1:1:c2VhbGVk");

    private AggregateTestFixture<Delivery> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Delivery.class);
    }

    private static DeliveryQueuedEvent queued(Instant dueAt) {
        return new DeliveryQueuedEvent(ID, SOURCE, NoticeKind.LICENSE_EXPIRING, NotificationChannel.EMAIL, ACCOUNT,
                SEALED, dueAt, QUEUED);
    }

    private static DeliveryAttemptStartedEvent started(int attempt, Instant at) {
        return new DeliveryAttemptStartedEvent(ID, attempt, at.plus(LEASE), at);
    }

    @Test
    void queuingRecordsTheSealedMessageDueWhenAsked() {
        fixture.givenNoPriorActivity()
                .when(new QueueDeliveryCommand(ID, SOURCE, NoticeKind.LICENSE_EXPIRING, NotificationChannel.EMAIL,
                        ACCOUNT, SEALED, LATER, QUEUED))
                .expectEvents(queued(LATER));
    }

    @Test
    void anAttemptIsClaimedOnlyWhenDue() {
        fixture.given(queued(LATER))
                .when(new StartDeliveryAttemptCommand(ID, QUEUED, QUEUED.plus(LEASE)))
                .expectResultMessagePayload(0).expectNoEvents();
        fixture.given(queued(LATER))
                .when(new StartDeliveryAttemptCommand(ID, LATER, LATER.plus(LEASE)))
                .expectResultMessagePayload(1).expectEvents(started(1, LATER));
    }

    @Test
    void aClaimHeldByAnotherIsRefusedUntilItsLeaseRunsOut() {
        fixture.given(queued(QUEUED), started(1, QUEUED))
                .when(new StartDeliveryAttemptCommand(ID, QUEUED.plusSeconds(119), QUEUED.plusSeconds(239)))
                .expectResultMessagePayload(0).expectNoEvents();
        Instant leaseOver = QUEUED.plus(LEASE);
        fixture.given(queued(QUEUED), started(1, QUEUED))
                .when(new StartDeliveryAttemptCommand(ID, leaseOver, leaseOver.plus(LEASE)))
                .expectResultMessagePayload(2).expectEvents(started(2, leaseOver));
    }

    @Test
    void aSentMessageRecordsItsAttemptsAndIsNeverAttemptedAgain() {
        DeliverySentEvent sent = new DeliverySentEvent(ID, SOURCE, NoticeKind.LICENSE_EXPIRING,
                NotificationChannel.EMAIL, ACCOUNT, 2, 0, 1, QUEUED);
        fixture.given(queued(QUEUED), started(1, QUEUED))
                .when(new RecordDeliverySentCommand(ID, 1, 2, 0, QUEUED))
                .expectEvents(sent);
        fixture.given(queued(QUEUED), started(1, QUEUED), sent)
                .when(new StartDeliveryAttemptCommand(ID, LATER.plus(LEASE), LATER.plus(LEASE).plus(LEASE)))
                .expectResultMessagePayload(0).expectNoEvents();
        fixture.given(queued(QUEUED), started(1, QUEUED), sent)
                .when(new RecordDeliverySentCommand(ID, 1, 2, 0, LATER))
                .expectNoEvents();
    }

    @Test
    void aFailedAttemptBacksOffAndOnlyTheClaimingAttemptMayRecordIt() {
        Instant next = QUEUED.plusSeconds(30);
        fixture.given(queued(QUEUED), started(1, QUEUED))
                .when(new RecordAttemptFailedCommand(ID, 1, next, QUEUED))
                .expectEvents(new DeliveryAttemptFailedEvent(ID, 1, next, QUEUED));
        fixture.given(queued(QUEUED), started(1, QUEUED), started(2, QUEUED.plus(LEASE)))
                .when(new RecordAttemptFailedCommand(ID, 1, next, QUEUED))
                .expectNoEvents();
        fixture.given(queued(QUEUED), started(1, QUEUED), new DeliveryAttemptFailedEvent(ID, 1, next, QUEUED))
                .when(new StartDeliveryAttemptCommand(ID, next.minusSeconds(1), next.plus(LEASE)))
                .expectResultMessagePayload(0).expectNoEvents();
        fixture.given(queued(QUEUED), started(1, QUEUED), new DeliveryAttemptFailedEvent(ID, 1, next, QUEUED))
                .when(new StartDeliveryAttemptCommand(ID, next, next.plus(LEASE)))
                .expectResultMessagePayload(2).expectEvents(started(2, next));
    }

    @Test
    void givingUpRecordsTheReasonOnceAndNothingIsAttemptedAfter() {
        DeliveryFailedEvent failed = new DeliveryFailedEvent(ID, SOURCE, NoticeKind.LICENSE_EXPIRING,
                NotificationChannel.EMAIL, ACCOUNT, DeliveryFailure.RETRIES_EXHAUSTED, 1, LATER);
        fixture.given(queued(QUEUED), started(1, QUEUED))
                .when(new FailDeliveryCommand(ID, DeliveryFailure.RETRIES_EXHAUSTED, LATER))
                .expectResultMessagePayload(true).expectEvents(failed);
        fixture.given(queued(QUEUED), started(1, QUEUED), failed)
                .when(new FailDeliveryCommand(ID, DeliveryFailure.RETRIES_EXHAUSTED, LATER))
                .expectResultMessagePayload(false).expectNoEvents();
        fixture.given(queued(QUEUED), started(1, QUEUED), failed)
                .when(new StartDeliveryAttemptCommand(ID, LATER.plus(LEASE), LATER.plus(LEASE).plus(LEASE)))
                .expectResultMessagePayload(0).expectNoEvents();
    }

    @Test
    void anOperatorRetryStartsAFreshBudgetAtOnce() {
        DeliveryFailedEvent failed = new DeliveryFailedEvent(ID, SOURCE, NoticeKind.LICENSE_EXPIRING,
                NotificationChannel.EMAIL, ACCOUNT, DeliveryFailure.RETRIES_EXHAUSTED, 3, LATER);
        Instant retried = LATER.plusSeconds(600);
        fixture.given(queued(QUEUED), started(3, QUEUED), failed)
                .when(new RetryDeliveryCommand(ID, retried))
                .expectEvents(new DeliveryRetriedEvent(ID, retried));
        fixture.given(queued(QUEUED), started(3, QUEUED), failed, new DeliveryRetriedEvent(ID, retried))
                .when(new StartDeliveryAttemptCommand(ID, retried, retried.plus(LEASE)))
                .expectResultMessagePayload(1).expectEvents(started(1, retried));
    }

    @Test
    void onlyAFailureThatMayStillBeDeliveredIsRetried() {
        fixture.given(queued(QUEUED))
                .when(new RetryDeliveryCommand(ID, LATER))
                .expectException(ConflictException.class).expectNoEvents();
        fixture.given(queued(QUEUED), new DeliveryFailedEvent(ID, SOURCE, NoticeKind.LICENSE_EXPIRING,
                        NotificationChannel.EMAIL, ACCOUNT, DeliveryFailure.RECIPIENT_ERASED, 0, QUEUED))
                .when(new RetryDeliveryCommand(ID, LATER))
                .expectException(BusinessRuleException.class).expectNoEvents();
    }
}
