package ru.frmr.notification.support.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.contracts.notification.SupportTopic;
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
import ru.frmr.notification.support.api.SweepOutcome;
import ru.frmr.notification.support.api.TakeSupportRequestCommand;

class SupportRequestTest {

    private static final String ID = "2f6e4c1a-9b7d-4e3f-8a21-5c0d9e8f7a6b";
    private static final String TICKET = "ФРМР-2026-000123";
    private static final String REQUESTER = "acc-1";
    private static final String OFFICER = "acc-support";
    private static final String TEXT = "Не могу войти в личный кабинет";
    private static final String ANSWER = "Очистите cookies и войдите снова";
    private static final Instant T0 = Instant.parse("2026-03-02T07:00:00Z");
    private static final Instant DUE = T0.plus(Duration.ofHours(24));
    private static final Instant ANSWERED = T0.plus(Duration.ofHours(3));

    private AggregateTestFixture<SupportRequest> fixture;

    /** Seals visibly and deterministically: the subject and the text. */
    private static final class FakeCipher implements PersonalDataCipher {
        @Override
        public String encrypt(String subjectId, String plaintext) {
            return "sealed[" + subjectId + "]" + plaintext;
        }

        @Override
        public Optional<String> decrypt(String subjectId, String token) {
            return Optional.of(token.substring(("sealed[" + subjectId + "]").length()));
        }

        @Override
        public void shred(String subjectId) {
        }

        @Override
        public void reinstate(String subjectId) {
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupportRequest.class);
        fixture.registerInjectableResource(new FakeCipher());
    }

    private static Matcher<?> invalid(String parameter) {
        return Matchers.predicate(e -> e instanceof InvalidParameterException invalid
                && invalid.parameter().equals(parameter));
    }

    private static SupportRequestFiledEvent filed() {
        return new SupportRequestFiledEvent(ID, TICKET, SupportTopic.LOGIN, REQUESTER, NotificationChannel.EMAIL,
                "sealed[acc-1]" + TEXT, T0, DUE);
    }

    private static SupportRequestAnsweredEvent answered() {
        return new SupportRequestAnsweredEvent(ID, TICKET, OFFICER, "sealed[acc-1]" + ANSWER, false, ANSWERED,
                REQUESTER, NotificationChannel.EMAIL);
    }

    private static SupportRequestTakenEvent taken() {
        return new SupportRequestTakenEvent(ID, OFFICER, T0.plusSeconds(60));
    }

    @Test
    void filingSealsTheTextUnderTheRequesterAndSetsTheAnswerTarget24HoursOn() {
        fixture.givenNoPriorActivity()
                .when(new FileSupportRequestCommand(ID, TICKET, SupportTopic.LOGIN, "  " + TEXT + " ", REQUESTER,
                        NotificationChannel.EMAIL, T0))
                .expectEvents(filed());
    }

    @Test
    void anAnonymousRequestIsSealedUnderItsOwnKeyAndAnsweredByEmailOnly() {
        fixture.givenNoPriorActivity()
                .when(new FileSupportRequestCommand(ID, TICKET, SupportTopic.OTHER, TEXT, null,
                        NotificationChannel.EMAIL, T0))
                .expectEvents(new SupportRequestFiledEvent(ID, TICKET, SupportTopic.OTHER, null,
                        NotificationChannel.EMAIL, "sealed[support-request:" + ID + "]" + TEXT, T0, DUE));
        fixture.givenNoPriorActivity()
                .when(new FileSupportRequestCommand(ID, TICKET, SupportTopic.OTHER, TEXT, null,
                        NotificationChannel.INBOX, T0))
                .expectException(invalid("answerChannel"));
    }

    @Test
    void filingRefusesATooShortOrTooLongTextAndAnSmsAnswer() {
        fixture.givenNoPriorActivity()
                .when(new FileSupportRequestCommand(ID, TICKET, SupportTopic.LOGIN, "коротко", REQUESTER,
                        NotificationChannel.EMAIL, T0))
                .expectException(invalid("text"));
        fixture.givenNoPriorActivity()
                .when(new FileSupportRequestCommand(ID, TICKET, SupportTopic.LOGIN, "я".repeat(4001), REQUESTER,
                        NotificationChannel.EMAIL, T0))
                .expectException(invalid("text"));
        fixture.givenNoPriorActivity()
                .when(new FileSupportRequestCommand(ID, TICKET, SupportTopic.LOGIN, TEXT, REQUESTER,
                        NotificationChannel.SMS, T0))
                .expectException(invalid("answerChannel"));
    }

    @Test
    void takingMovesANewRequestInWorkOnce() {
        fixture.given(filed()).when(new TakeSupportRequestCommand(ID, OFFICER, T0.plusSeconds(60)))
                .expectEvents(taken());
        fixture.given(filed(), taken()).when(new TakeSupportRequestCommand(ID, "acc-other", T0.plusSeconds(90)))
                .expectNoEvents();
        fixture.given(filed(), taken(), answered()).when(new TakeSupportRequestCommand(ID, OFFICER, ANSWERED))
                .expectException(ConflictException.class);
    }

    @Test
    void anAnswerWithinTheTargetIsNotLateAndOneAfterItIs() {
        fixture.given(filed(), taken())
                .when(new AnswerSupportRequestCommand(ID, OFFICER, ANSWER, ANSWERED))
                .expectEvents(answered());
        Instant late = DUE.plusSeconds(1);
        fixture.given(filed())
                .when(new AnswerSupportRequestCommand(ID, OFFICER, ANSWER, late))
                .expectEvents(new SupportRequestAnsweredEvent(ID, TICKET, OFFICER, "sealed[acc-1]" + ANSWER, true,
                        late, REQUESTER, NotificationChannel.EMAIL));
    }

    @Test
    void anAnsweredOrClosedRequestIsNotAnsweredAgain() {
        fixture.given(filed(), taken(), answered())
                .when(new AnswerSupportRequestCommand(ID, OFFICER, ANSWER, ANSWERED.plusSeconds(5)))
                .expectException(ConflictException.class);
        fixture.given(filed(), new SupportRequestClosedEvent(ID, T0.plusSeconds(5), false))
                .when(new AnswerSupportRequestCommand(ID, OFFICER, ANSWER, T0.plusSeconds(10)))
                .expectException(ConflictException.class);
        fixture.given(filed(), taken())
                .when(new AnswerSupportRequestCommand(ID, OFFICER, " ", ANSWERED))
                .expectException(invalid("text"));
    }

    @Test
    void onlyTheRequesterClosesAndClosingTwiceIsOnce() {
        fixture.given(filed(), taken(), answered())
                .when(new CloseSupportRequestCommand(ID, REQUESTER, ANSWERED.plusSeconds(60)))
                .expectEvents(new SupportRequestClosedEvent(ID, ANSWERED.plusSeconds(60), false));
        fixture.given(filed(), taken(), answered())
                .when(new CloseSupportRequestCommand(ID, "acc-someone-else", ANSWERED.plusSeconds(60)))
                .expectException(NotFoundException.class);
        fixture.given(filed(), new SupportRequestClosedEvent(ID, T0.plusSeconds(5), false))
                .when(new CloseSupportRequestCommand(ID, REQUESTER, T0.plusSeconds(10)))
                .expectNoEvents();
    }

    @Test
    void anAnonymousRequestIsClosedByNoAccount() {
        fixture.given(new SupportRequestFiledEvent(ID, TICKET, SupportTopic.OTHER, null, NotificationChannel.EMAIL,
                        "sealed", T0, DUE))
                .when(new CloseSupportRequestCommand(ID, REQUESTER, T0.plusSeconds(5)))
                .expectException(NotFoundException.class);
    }

    @Test
    void theRequesterReopensWithin14DaysOfTheAnswerWithANewTarget() {
        Instant at = ANSWERED.plus(Duration.ofDays(14));
        fixture.given(filed(), taken(), answered())
                .when(new ReopenSupportRequestCommand(ID, REQUESTER, "Не помогло, ошибка та же", at))
                .expectEvents(new SupportRequestReopenedEvent(ID, "sealed[acc-1]Не помогло, ошибка та же", at,
                        at.plus(Duration.ofHours(24))));
        fixture.given(filed(), taken(), answered(), new SupportRequestClosedEvent(ID, ANSWERED.plusSeconds(5), false))
                .when(new ReopenSupportRequestCommand(ID, REQUESTER, "Не помогло, ошибка та же", at))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void reopeningAfter14DaysByAnotherPersonOrBeforeAnyAnswerIsRefused() {
        fixture.given(filed(), taken(), answered())
                .when(new ReopenSupportRequestCommand(ID, REQUESTER, "Не помогло, ошибка та же",
                        ANSWERED.plus(Duration.ofDays(14)).plusSeconds(1)))
                .expectException(BusinessRuleException.class);
        fixture.given(filed(), taken(), answered())
                .when(new ReopenSupportRequestCommand(ID, "acc-someone-else", "Не помогло, ошибка та же",
                        ANSWERED.plusSeconds(5)))
                .expectException(NotFoundException.class);
        fixture.given(filed(), taken())
                .when(new ReopenSupportRequestCommand(ID, REQUESTER, "Не помогло, ошибка та же", T0.plusSeconds(5)))
                .expectException(ConflictException.class);
        fixture.given(filed(), new SupportRequestClosedEvent(ID, T0.plusSeconds(5), false))
                .when(new ReopenSupportRequestCommand(ID, REQUESTER, "Не помогло, ошибка та же", T0.plusSeconds(9)))
                .expectException(BusinessRuleException.class);
    }

    @Test
    void anAnsweredRequestClosesByItself14DaysAfterTheAnswerUnlessReopened() {
        Instant closeAt = ANSWERED.plus(Duration.ofDays(14));
        fixture.given(filed(), taken(), answered())
                .when(new AutoCloseSupportRequestCommand(ID, closeAt.minusSeconds(1)))
                .expectNoEvents().expectResultMessagePayload(SweepOutcome.NOT_DUE);
        fixture.given(filed(), taken(), answered())
                .when(new AutoCloseSupportRequestCommand(ID, closeAt))
                .expectEvents(new SupportRequestClosedEvent(ID, closeAt, true))
                .expectResultMessagePayload(SweepOutcome.DONE);
        fixture.given(filed(), taken(), answered(), new SupportRequestReopenedEvent(ID, "sealed", closeAt.minusSeconds(9),
                        closeAt.plus(Duration.ofHours(24))))
                .when(new AutoCloseSupportRequestCommand(ID, closeAt))
                .expectNoEvents().expectResultMessagePayload(SweepOutcome.SETTLED);
    }

    @Test
    void aMissedAnswerTargetIsMarkedOncePerRequest() {
        fixture.given(filed())
                .when(new MarkAnswerOverdueCommand(ID, DUE.minusSeconds(1)))
                .expectNoEvents().expectResultMessagePayload(SweepOutcome.NOT_DUE);
        fixture.given(filed(), taken())
                .when(new MarkAnswerOverdueCommand(ID, DUE))
                .expectEvents(new SupportAnswerOverdueEvent(ID, TICKET, DUE, DUE))
                .expectResultMessagePayload(SweepOutcome.DONE);
        fixture.given(filed(), new SupportAnswerOverdueEvent(ID, TICKET, DUE, DUE))
                .when(new MarkAnswerOverdueCommand(ID, DUE.plusSeconds(30)))
                .expectNoEvents().expectResultMessagePayload(SweepOutcome.SETTLED);
        Instant reopened = DUE.plus(Duration.ofDays(1));
        fixture.given(filed(), new SupportAnswerOverdueEvent(ID, TICKET, DUE, DUE), answered(),
                        new SupportRequestReopenedEvent(ID, "sealed", reopened, reopened.plus(Duration.ofHours(24))))
                .when(new MarkAnswerOverdueCommand(ID, reopened.plus(Duration.ofHours(25))))
                .expectEvents(new SupportAnswerOverdueEvent(ID, TICKET, reopened.plus(Duration.ofHours(24)),
                        reopened.plus(Duration.ofHours(25))))
                .expectResultMessagePayload(SweepOutcome.DONE);
        fixture.given(filed(), taken(), answered())
                .when(new MarkAnswerOverdueCommand(ID, DUE.plusSeconds(1)))
                .expectNoEvents().expectResultMessagePayload(SweepOutcome.SETTLED);
    }
}
