package ru.frmr.notification.support.notice;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.notification.notice.Notice;
import ru.frmr.notification.notice.NoticeKind;
import ru.frmr.notification.notice.Notices;
import ru.frmr.notification.notice.Recipient;
import ru.frmr.notification.support.api.SupportRequestAnsweredEvent;
import ru.frmr.notification.support.api.SupportRequestFiledEvent;

/**
 * Tells the requester their ticket number when they file, and support's answer by the channel they chose (INBOX:
 * the cabinet only; EMAIL: e-mail, and the cabinet too for a signed-in requester). The notice's source is the domain
 * event's id, so a redelivered event queues nothing new ({@link Notices}).
 */
@Component
@ProcessingGroup(SupportNotices.GROUP)
public class SupportNotices {

    public static final String GROUP = "support-notices";
    /** The longest answer a notice carries (the templates' declared maximum). */
    static final int ANSWER_MAX = 2000;
    private static final Logger log = LoggerFactory.getLogger(SupportNotices.class);

    private final Notices notices;
    private final PersonalDataCipher cipher;

    SupportNotices(Notices notices, PersonalDataCipher cipher) {
        this.notices = notices;
        this.cipher = cipher;
    }

    @EventHandler
    @DisallowReplay
    void on(SupportRequestFiledEvent e, @MessageIdentifier String eventId) {
        boolean signedIn = e.requesterAccountId() != null;
        notices.tell(new Notice(eventId, NoticeKind.SUPPORT_REQUEST_RECEIVED, recipient(e.requestId(),
                e.requesterAccountId()), Map.of("ticketNumber", e.ticketNumber()), signedIn
                ? Set.of(NotificationChannel.EMAIL, NotificationChannel.INBOX) : Set.of(NotificationChannel.EMAIL),
                e.filedAt()));
    }

    @EventHandler
    @DisallowReplay
    void on(SupportRequestAnsweredEvent e, @MessageIdentifier String eventId) {
        Optional<String> answer = cipher.open(e.requesterKey(), e.sealedText());
        if (answer.isEmpty()) {
            log.info("Support answer to {} not told: the requester's data were erased", e.requestId());
            return;
        }
        notices.tell(new Notice(eventId, NoticeKind.SUPPORT_ANSWERED, recipient(e.requestId(),
                e.requesterAccountId()), Map.of("ticketNumber", e.ticketNumber(), "answer", shortened(answer.get())),
                channels(e), e.answeredAt()));
    }

    static Set<NotificationChannel> channels(SupportRequestAnsweredEvent e) {
        if (e.answerChannel() == NotificationChannel.INBOX) {
            return Set.of(NotificationChannel.INBOX);
        }
        return e.requesterAccountId() != null ? Set.of(NotificationChannel.EMAIL, NotificationChannel.INBOX)
                : Set.of(NotificationChannel.EMAIL);
    }

    private static Recipient recipient(String requestId, String requesterAccountId) {
        return requesterAccountId != null ? new Recipient.Account(requesterAccountId)
                : new Recipient.Requester(requestId);
    }

    /** The whole answer stays readable in the cabinet; a notice carries at most {@link #ANSWER_MAX} characters. */
    private static String shortened(String answer) {
        return answer.length() <= ANSWER_MAX ? answer : answer.substring(0, ANSWER_MAX - 1) + "…";
    }
}
