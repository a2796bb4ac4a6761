package ru.frmr.documents.certificate.delivery;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One справка to e-mail, persisted so that a restart or an SMTP outage loses nothing. PENDING: not sent yet (next
 * attempt at {@code nextAttemptAt}); SENT: the mail server took it, the request is yet to record it; RECORDED: done;
 * ABANDONED: there is no longer an address or a file to send (the person was erased).
 */
@Document("certificate_mail_deliveries")
record MailDelivery(@Id String requestId, String workerId, String number, State state, int attempts,
                    Instant nextAttemptAt) {

    enum State { PENDING, SENT, RECORDED, ABANDONED }
}
