package ru.frmr.notification.notice;

/**
 * Who a notice is for. {@link #key()} is how the recipient is named in the outbox, in {@code NotificationSent}
 * and {@code NotificationFailed}, and the subject their personal data are sealed (and shredded) under.
 */
public sealed interface Recipient {

    String key();

    /**
     * The subject a recipient key's sealed values (addresses, a waiting message's fields) are sealed and shredded
     * under: the key itself, or, for a key that names one message of a subject after a {@code /} (the warning to the
     * e-mail held before one contact change: {@code previous-email:<account>/<event>}), the part before it.
     */
    static String subjectOf(String recipientKey) {
        int slash = recipientKey.indexOf('/');
        return slash < 0 ? recipientKey : recipientKey.substring(0, slash);
    }

    /** A person with a login account (a worker, an HR officer, a supervisor). */
    record Account(String accountId) implements Recipient {
        @Override
        public String key() {
            return accountId;
        }
    }

    /**
     * A worker known by registry number: {@link Notices} resolves it to the account linked to the record before
     * anything is queued, so this key is never an outbox recipient.
     */
    record Worker(String workerId) implements Recipient {
        @Override
        public String key() {
            return "worker:" + workerId;
        }
    }

    /** The supervisory authority of a region (its official mailbox from the configuration), e-mail only. */
    record Supervision(String regionCode) implements Recipient {
        @Override
        public String key() {
            return "supervision:" + regionCode;
        }
    }

    /**
     * One of the security staff's mailboxes, by its name in {@code frmr.notification.security-alerts.mailboxes}
     * (the key never holds the address), e-mail only.
     */
    record SecurityStaff(String mailbox) implements Recipient {
        @Override
        public String key() {
            return "security:" + mailbox;
        }
    }

    /** Someone who filed a support request without logging in: the e-mail they gave, e-mail only. */
    record Requester(String requestId) implements Recipient {
        @Override
        public String key() {
            return "support-request:" + requestId;
        }
    }
}
