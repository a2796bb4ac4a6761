package ru.frmr.notification.support.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.kit.error.NotFoundException;
import ru.frmr.notification.support.api.SupportPolicy;
import ru.frmr.notification.support.api.SupportStatus;
import ru.frmr.notification.support.query.SupportRequestView;
import ru.frmr.notification.support.query.SupportRequests;
import ru.frmr.notification.support.web.SupportBodies.AdminDetail;
import ru.frmr.notification.support.web.SupportBodies.AttachmentItem;
import ru.frmr.notification.support.web.SupportBodies.Detail;
import ru.frmr.notification.support.web.SupportBodies.Message;
import ru.frmr.notification.support.web.SupportBodies.QueueItem;

/** Requests as the API shows them: texts opened with the requester's key, the time left from the clock. */
@Component
class SupportRequestReader {

    private final SupportRequests requests;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    SupportRequestReader(SupportRequests requests, PersonalDataCipher cipher, Clock clock) {
        this.requests = requests;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The request if {@code accountId} filed it; otherwise the same 404 as for an unknown id. */
    SupportRequestView own(String requestId, String accountId) {
        return requests.byId(FilingInput.requestId(requestId))
                .filter(r -> accountId.equals(r.requesterAccountId()))
                .orElseThrow(() -> new NotFoundException("No such request."));
    }

    SupportRequestView any(String requestId) {
        return requests.byId(FilingInput.requestId(requestId))
                .orElseThrow(() -> new NotFoundException("No such request."));
    }

    Detail detail(SupportRequestView r) {
        List<Message> messages = messages(r);
        Instant now = clock.instant();
        boolean canReopen = r.requesterAccountId() != null && r.answeredAt() != null
                && (r.status() == SupportStatus.ANSWERED || r.status() == SupportStatus.CLOSED)
                && !now.isAfter(r.answeredAt().plus(SupportPolicy.REOPEN_WINDOW));
        return new Detail(r.id(), r.ticketNumber(), r.topic(), messages.isEmpty() ? null : messages.get(0).text(),
                r.status(), r.filedAt(), r.answerDueAt(), r.answeredAt(), r.answerChannel(), messages,
                attachments(r), canReopen, r.requesterAccountId() != null && r.status() != SupportStatus.CLOSED);
    }

    AdminDetail adminDetail(SupportRequestView r) {
        List<Message> messages = messages(r);
        long secondsLeft = secondsLeft(r);
        return new AdminDetail(r.id(), r.ticketNumber(), r.topic(), messages.isEmpty() ? null
                : messages.get(0).text(), r.status(), r.filedAt(), r.answerDueAt(), r.answeredAt(), r.answerChannel(),
                messages, attachments(r), r.requesterAccountId(), r.requesterAccountId() == null, secondsLeft,
                r.status().open() && secondsLeft < 0);
    }

    QueueItem queueItem(SupportRequestView r) {
        long secondsLeft = secondsLeft(r);
        return new QueueItem(r.id(), r.ticketNumber(), r.topic(), r.status(), r.filedAt(), r.answerDueAt(),
                secondsLeft, r.status().open() && secondsLeft < 0);
    }

    /** Seconds to the answer target; negative once it has passed. */
    private long secondsLeft(SupportRequestView r) {
        return Duration.between(clock.instant(), r.answerDueAt()).toSeconds();
    }

    private List<Message> messages(SupportRequestView r) {
        return requests.messages(r.id()).stream().map(m -> new Message(m.author().name(),
                cipher.open(r.requesterKey(), m.sealedText()).orElse(null), m.at())).toList();
    }

    private List<AttachmentItem> attachments(SupportRequestView r) {
        return requests.attachments(r).stream()
                .map(a -> new AttachmentItem(a.documentId(), a.mediaType(), a.sizeBytes())).toList();
    }
}
