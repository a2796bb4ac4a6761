package ru.frmr.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.notification.delivery.api.DeliveryFailure;
import ru.frmr.notification.delivery.api.FailDeliveryCommand;
import ru.frmr.notification.delivery.api.RecordAttemptFailedCommand;
import ru.frmr.notification.delivery.api.RecordDeliverySentCommand;
import ru.frmr.notification.delivery.api.StartDeliveryAttemptCommand;
import ru.frmr.notification.delivery.query.DeliveryRecord;
import ru.frmr.notification.delivery.send.ChannelSender;
import ru.frmr.notification.delivery.send.ChannelUnavailableException;
import ru.frmr.notification.delivery.send.OutgoingNotice;
import ru.frmr.notification.delivery.send.RecipientRejectedException;
import ru.frmr.notification.notice.NoticeKind;

/** The sweeper's decisions per message, with the aggregate's answers and the channel scripted. */
class DeliverySweeperTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final String ACCOUNT = "acc-1";

    private final InMemoryAddressBook addresses = new InMemoryAddressBook();
    private final PrefixCipher cipher = new PrefixCipher();
    private final ScriptedSender email = new ScriptedSender();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Object> commands = new ArrayList<>();
    private final DeliveryProperties settings = new DeliveryProperties(null, null, null, Duration.ofMinutes(2),
            Duration.ofSeconds(30), Duration.ofMinutes(5), 3, Duration.ofHours(72), new DeliveryProperties.Breaker(50f, 2, 4,
            Duration.ofMinutes(1), 1));
    private ChannelBreakers breakers;
    private DeliverySweeper sweeper;
    /** The aggregate's answer to a claim: the attempt's number, 0 when refused. */
    private int claimAnswer = 1;

    @BeforeEach
    void setUp() {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.sendAndWait(any())).thenAnswer(invocation -> {
            Object command = invocation.getArgument(0);
            commands.add(command);
            if (command instanceof StartDeliveryAttemptCommand) {
                return claimAnswer;
            }
            return command instanceof FailDeliveryCommand ? Boolean.TRUE : null;
        });
        breakers = new ChannelBreakers(settings.breaker(), meters);
        sweeper = new DeliverySweeper(null, addresses, new PlainTemplates(), cipher, List.of(email), breakers,
                gateway, settings, Clock.fixed(NOW, ZoneOffset.UTC), configuration -> Optional.empty(), meters);
        addresses.put(ACCOUNT, NotificationChannel.EMAIL, "worker@mail.test");
    }

    private DeliveryRecord due(String id) {
        return new DeliveryRecord(id, "evt-" + id, NoticeKind.LICENSE_EXPIRING, NotificationChannel.EMAIL, ACCOUNT,
                Map.of("daysLeft", cipher.encrypt(ACCOUNT, "30")), DeliveryRecord.Status.PENDING, NOW, 0, null,
                null, null, NOW);
    }

    @Test
    void claimsTheAttemptBeforeSendingThenRecordsItSent() {
        email.outcome = notice -> 0;

        assertThat(sweeper.settle(due("n-1"), NOW)).isTrue();

        assertThat(commands).hasSize(2);
        assertThat(commands.get(0)).isEqualTo(new StartDeliveryAttemptCommand("n-1", NOW,
                NOW.plus(Duration.ofMinutes(2))));
        assertThat(commands.get(1)).isEqualTo(new RecordDeliverySentCommand("n-1", 1, PlainTemplates.VERSION, 0,
                NOW));
        assertThat(email.sent).singleElement().satisfies(notice -> {
            assertThat(notice.address()).isEqualTo("worker@mail.test");
            assertThat(notice.text().body()).contains("daysLeft=30");
        });
        assertThat(meters.get("frmr.notification.sent").tags("channel", "EMAIL", "kind", "LICENSE_EXPIRING")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void aClaimRefusedSendsNothing() {
        claimAnswer = 0;

        assertThat(sweeper.settle(due("n-1"), NOW)).isFalse();

        assertThat(email.sent).isEmpty();
        assertThat(commands).singleElement().isInstanceOf(StartDeliveryAttemptCommand.class);
    }

    @Test
    void anOpenBreakerLeavesTheMessageDueWithoutAnAttempt() {
        breakers.of(NotificationChannel.EMAIL).orElseThrow().transitionToOpenState();

        assertThat(sweeper.settle(due("n-1"), NOW)).isFalse();

        assertThat(commands).isEmpty();
        assertThat(email.sent).isEmpty();
    }

    @Test
    void aFailedAttemptBacksOffDoublingAndTheLastOneGivesUp() {
        email.outcome = notice -> {
            throw new IllegalStateException("the message could not be built");
        };
        claimAnswer = 2;
        assertThat(sweeper.settle(due("n-1"), NOW)).isFalse();
        assertThat(commands.get(1)).isEqualTo(new RecordAttemptFailedCommand("n-1", 2, NOW.plusSeconds(60), NOW));

        claimAnswer = 3;
        assertThat(sweeper.settle(due("n-2"), NOW)).isTrue();
        assertThat(commands.get(3)).isEqualTo(new FailDeliveryCommand("n-2", DeliveryFailure.RETRIES_EXHAUSTED,
                NOW));
        assertThat(meters.get("frmr.notification.failed").tags("channel", "EMAIL", "reason", "RETRIES_EXHAUSTED")
                .counter().count()).isEqualTo(1);
        assertThat(breakers.of(NotificationChannel.EMAIL).orElseThrow().getState())
                .isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void aChannelThatIsDownUsesUpNoAttemptsOnlyTheOutageBudget() {
        email.outcome = notice -> {
            throw new ChannelUnavailableException("down", null);
        };
        claimAnswer = 7;
        assertThat(sweeper.settle(due("n-1"), NOW.plus(Duration.ofHours(71)))).isFalse();
        assertThat(commands.get(1)).isEqualTo(new RecordAttemptFailedCommand("n-1", 7,
                NOW.plus(Duration.ofHours(71)).plus(Duration.ofMinutes(5)), NOW.plus(Duration.ofHours(71))));

        breakers.of(NotificationChannel.EMAIL).orElseThrow().reset();
        assertThat(sweeper.settle(due("n-2"), NOW.plus(Duration.ofHours(72)))).isTrue();
        assertThat(commands.get(3)).isEqualTo(new FailDeliveryCommand("n-2", DeliveryFailure.RETRIES_EXHAUSTED,
                NOW.plus(Duration.ofHours(72))));
    }

    @Test
    void aMessageRefusedForItsAddressFailsAtOnceAndNotAgainstTheChannel() {
        email.outcome = notice -> {
            throw new RecipientRejectedException("malformed");
        };
        for (int i = 0; i < 4; i++) {
            assertThat(sweeper.settle(due("n-" + i), NOW)).isTrue();
        }
        assertThat(commands).filteredOn(FailDeliveryCommand.class::isInstance)
                .containsExactly(new FailDeliveryCommand("n-0", DeliveryFailure.NO_ADDRESS, NOW),
                        new FailDeliveryCommand("n-1", DeliveryFailure.NO_ADDRESS, NOW),
                        new FailDeliveryCommand("n-2", DeliveryFailure.NO_ADDRESS, NOW),
                        new FailDeliveryCommand("n-3", DeliveryFailure.NO_ADDRESS, NOW));
        CircuitBreaker breaker = breakers.of(NotificationChannel.EMAIL).orElseThrow();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void anErasedRecipientOrOneWithoutAnAddressFailsWithoutAnAttempt() {
        addresses.erase(ACCOUNT);
        assertThat(sweeper.settle(due("n-1"), NOW)).isTrue();
        assertThat(commands).containsExactly(new FailDeliveryCommand("n-1", DeliveryFailure.RECIPIENT_ERASED, NOW));

        commands.clear();
        DeliveryRecord noMobile = new DeliveryRecord("n-2", "evt-2", NoticeKind.ACCOUNT_LOCKED,
                NotificationChannel.SMS, "acc-2", Map.of(), DeliveryRecord.Status.PENDING, NOW, 0, null, null, null,
                NOW);
        assertThat(sweeper.settle(noMobile, NOW)).isTrue();
        assertThat(commands).containsExactly(new FailDeliveryCommand("n-2", DeliveryFailure.NO_ADDRESS, NOW));
        assertThat(email.sent).isEmpty();
    }

    @Test
    void fieldsThatNoLongerOpenMeanTheRecipientWasErased() {
        DeliveryRecord sealed = due("n-1");
        cipher.shred(ACCOUNT);

        assertThat(sweeper.settle(sealed, NOW)).isTrue();

        assertThat(commands).containsExactly(new FailDeliveryCommand("n-1", DeliveryFailure.RECIPIENT_ERASED, NOW));
        assertThat(email.sent).isEmpty();
    }

    @Test
    void thePauseDoublesFromTheFirstRetryUpToTheLongest() {
        assertThat(settings.pauseAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.pauseAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.pauseAfter(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(settings.pauseAfter(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.pauseAfter(60)).isEqualTo(Duration.ofMinutes(5));
    }

    /** An e-mail channel whose outcome each test scripts. */
    private static final class ScriptedSender implements ChannelSender {

        final List<OutgoingNotice> sent = new ArrayList<>();
        Function<OutgoingNotice, Integer> outcome = notice -> 0;

        @Override
        public NotificationChannel channel() {
            return NotificationChannel.EMAIL;
        }

        @Override
        public int send(OutgoingNotice notice) {
            int segments = outcome.apply(notice);
            sent.add(notice);
            return segments;
        }
    }

    /** Seals by prefix; a shredded subject's values no longer open. */
    private static final class PrefixCipher implements PersonalDataCipher {

        private final Set<String> shredded = new HashSet<>();

        @Override
        public String encrypt(String subjectId, String plaintext) {
            return TOKEN_PREFIX + subjectId + ":" + plaintext;
        }

        @Override
        public Optional<String> decrypt(String subjectId, String token) {
            String prefix = TOKEN_PREFIX + subjectId + ":";
            return shredded.contains(subjectId) || !token.startsWith(prefix) ? Optional.empty()
                    : Optional.of(token.substring(prefix.length()));
        }

        @Override
        public void shred(String subjectId) {
            shredded.add(subjectId);
        }

        @Override
        public void reinstate(String subjectId) {
            shredded.remove(subjectId);
        }
    }
}
