package ru.frmr.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.kit.deadline.DeadlineSweeper;
import ru.frmr.kit.deadline.DueItems;
import ru.frmr.notification.delivery.api.DeliveryFailure;
import ru.frmr.notification.delivery.api.FailDeliveryCommand;
import ru.frmr.notification.delivery.api.RecordAttemptFailedCommand;
import ru.frmr.notification.delivery.api.RecordDeliverySentCommand;
import ru.frmr.notification.delivery.api.StartDeliveryAttemptCommand;
import ru.frmr.notification.delivery.query.Deliveries;
import ru.frmr.notification.delivery.query.DeliveryRecord;
import ru.frmr.notification.delivery.send.ChannelSender;
import ru.frmr.notification.delivery.send.ChannelUnavailableException;
import ru.frmr.notification.delivery.send.OutgoingNotice;
import ru.frmr.notification.delivery.send.RecipientRejectedException;
import ru.frmr.notification.notice.AddressBook;
import ru.frmr.notification.notice.NoticeKind;
import ru.frmr.notification.notice.Recipient;
import ru.frmr.notification.notice.RenderedNotice;
import ru.frmr.notification.notice.Templates;

/**
 * Sends the messages due ({@link DeadlineSweeper}: one replica at a time under a ShedLock lock, though any number
 * would be safe). For each: a recipient erased or without an address fails it for good; an open breaker leaves it
 * due, untouched and uncounted; otherwise the attempt is claimed on the aggregate first, then sent, then recorded
 * as sent, or as failed with the next attempt backed off, or given up after the retry budget. A replica that dies
 * between the claim and the record leaves a claim whose lease runs out, and the message is attempted again: the
 * SMS gateway and the inbox keep one message per notificationId, an e-mail carries it as its Message-ID.
 */
public class DeliverySweeper implements DueItems<DeliveryRecord> {

    static final String LOCK_NAME = "notification-delivery-sweep";
    static final String SENT = "frmr.notification.sent";
    static final String FAILED = "frmr.notification.failed";
    static final String ATTEMPTS_FAILED = "frmr.notification.attempts_failed";
    private static final Logger log = LoggerFactory.getLogger(DeliverySweeper.class);

    private final Deliveries deliveries;
    private final AddressBook addresses;
    private final Templates templates;
    private final PersonalDataCipher cipher;
    private final Map<NotificationChannel, ChannelSender> senders;
    private final ChannelBreakers breakers;
    private final CommandGateway commands;
    private final DeliveryProperties settings;
    private final MeterRegistry meters;
    private final DeadlineSweeper<DeliveryRecord> sweeper;

    DeliverySweeper(Deliveries deliveries, AddressBook addresses, Templates templates, PersonalDataCipher cipher,
                    List<ChannelSender> senders, ChannelBreakers breakers, CommandGateway commands,
                    DeliveryProperties settings, Clock clock, LockProvider locks, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.addresses = addresses;
        this.templates = templates;
        this.cipher = cipher;
        this.senders = new HashMap<>();
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.breakers = breakers;
        this.commands = commands;
        this.settings = settings;
        this.meters = meters;
        // At 0 from startup for every channel this replica sends on, so that rate() and increase() have series
        // before the first message: sent per kind, failures per reason.
        for (NotificationChannel channel : this.senders.keySet()) {
            for (NoticeKind kind : NoticeKind.values()) {
                meters.counter(SENT, "channel", channel.name(), "kind", kind.name());
            }
            for (DeliveryFailure reason : DeliveryFailure.values()) {
                meters.counter(FAILED, "channel", channel.name(), "reason", reason.name());
            }
            meters.counter(ATTEMPTS_FAILED, "channel", channel.name());
        }
        this.sweeper = new DeadlineSweeper<>(LOCK_NAME, this, "Notification {} not delivered",
                "frmr.notification.delivery_sweeps", clock, locks, settings.lockAtMostFor(), meters);
    }

    /** One sweep, unless another replica is sweeping right now. */
    public void sweep() {
        sweeper.sweep();
    }

    @Override
    public List<DeliveryRecord> due(Instant now, Set<String> passOver, int batch) {
        return deliveries.due(now, passOver, batch);
    }

    @Override
    public String id(DeliveryRecord delivery) {
        return delivery.notificationId();
    }

    /** @return true when the message is settled (sent or failed), false when it stays pending */
    @Override
    public boolean settle(DeliveryRecord delivery, Instant now) {
        Optional<CircuitBreaker> breaker = breakers.of(delivery.channel());
        // While the channel's breaker is open the message is not even opened: left due, untouched and uncounted.
        if (breaker.isPresent() && !breaker.get().tryAcquirePermission()) {
            return false;
        }
        boolean[] called = {false};
        try {
            return settlePermitted(delivery, now, breaker, called);
        } finally {
            if (!called[0]) {
                breaker.ifPresent(CircuitBreaker::releasePermission);
            }
        }
    }

    private boolean settlePermitted(DeliveryRecord delivery, Instant now, Optional<CircuitBreaker> breaker,
                                    boolean[] called) {
        String key = delivery.recipientKey();
        Optional<Map<String, String>> fields = open(delivery);
        if (addresses.erased(key) || fields.isEmpty()) {
            return fail(delivery, DeliveryFailure.RECIPIENT_ERASED, now);
        }
        Optional<String> address = addresses.address(key, delivery.channel());
        if (address.isEmpty()) {
            return fail(delivery, DeliveryFailure.NO_ADDRESS, now);
        }
        Integer attempt = commands.sendAndWait(new StartDeliveryAttemptCommand(delivery.notificationId(), now,
                now.plus(settings.claimLease())));
        if (attempt == null || attempt == 0) {
            return false;
        }
        RenderedNotice text;
        try {
            text = templates.render(delivery.kind(), delivery.channel(), fields.get());
        } catch (RuntimeException e) {
            // A template the message needs is gone or broken (a later release): an attempt like any other, so the
            // message ends as RETRIES_EXHAUSTED for an operator instead of waiting unseen.
            return attemptFailed(delivery, attempt, now, e);
        }
        called[0] = true;
        long started = System.nanoTime();
        int segments;
        try {
            segments = senders.get(delivery.channel()).send(new OutgoingNotice(delivery.notificationId(),
                    delivery.kind(), address.get(), text, now));
        } catch (RecipientRejectedException e) {
            // The address itself is refused (malformed, unknown to the operator): no retry helps until it changes.
            breaker.ifPresent(b -> b.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS));
            return fail(delivery, DeliveryFailure.NO_ADDRESS, now);
        } catch (RuntimeException e) {
            breaker.ifPresent(b -> b.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e));
            return attemptFailed(delivery, attempt, now, e);
        }
        breaker.ifPresent(b -> b.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS));
        commands.sendAndWait(new RecordDeliverySentCommand(delivery.notificationId(), attempt,
                text.templateVersion(), segments > 0 ? segments : text.segments(), now));
        meters.counter(SENT, "channel", delivery.channel().name(), "kind",
                delivery.kind().name()).increment();
        return true;
    }

    /** The template's values; empty when they no longer open (the recipient's key was shredded). */
    private Optional<Map<String, String>> open(DeliveryRecord delivery) {
        if (delivery.sealedFields() == null) {
            return Optional.empty();
        }
        Map<String, String> plain = new HashMap<>();
        for (Map.Entry<String, String> field : delivery.sealedFields().entrySet()) {
            Optional<String> value = cipher.open(Recipient.subjectOf(delivery.recipientKey()), field.getValue());
            if (value.isEmpty()) {
                return Optional.empty();
            }
            plain.put(field.getKey(), value.get());
        }
        return Optional.of(plain);
    }

    private boolean attemptFailed(DeliveryRecord delivery, int attempt, Instant now, RuntimeException e) {
        if (givenUp(delivery, attempt, now, e)) {
            log.warn("Notification {} given up after {} attempts: {}", delivery.notificationId(), attempt,
                    e.getClass().getName());
            return fail(delivery, DeliveryFailure.RETRIES_EXHAUSTED, now);
        }
        Duration pause = settings.pauseAfter(attempt);
        commands.sendAndWait(new RecordAttemptFailedCommand(delivery.notificationId(), attempt, now.plus(pause),
                now));
        meters.counter(ATTEMPTS_FAILED, "channel", delivery.channel().name()).increment();
        // By the exception's type: its message may hold an address.
        log.info("Notification {} not sent (attempt {}), again in {}: {}", delivery.notificationId(), attempt, pause,
                e.getClass().getName());
        return false;
    }

    /**
     * The channel being down (SMTP or the SMS gateway unreachable or refusing everything) is not the message's
     * fault: it waits for the channel for up to the outage budget, whatever the number of attempts; any other
     * failure uses up the attempts.
     */
    private boolean givenUp(DeliveryRecord delivery, int attempt, Instant now, RuntimeException e) {
        if (e instanceof ChannelUnavailableException) {
            Instant since = delivery.queuedAt() == null ? now : delivery.queuedAt();
            return !now.isBefore(since.plus(settings.outageBudget()));
        }
        return attempt >= settings.maxAttempts();
    }

    private boolean fail(DeliveryRecord delivery, DeliveryFailure reason, Instant now) {
        Boolean failed = commands.sendAndWait(new FailDeliveryCommand(delivery.notificationId(), reason, now));
        if (!Boolean.TRUE.equals(failed)) {
            // Settled before (counted then) and the read model has not caught up: passed over for this sweep.
            return false;
        }
        meters.counter(FAILED, "channel", delivery.channel().name(), "reason", reason.name())
                .increment();
        log.warn("Notification {} failed: {}", delivery.notificationId(), reason);
        return true;
    }
}
