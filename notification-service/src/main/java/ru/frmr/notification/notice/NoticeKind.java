package ru.frmr.notification.notice;

/**
 * What a notice is about; one template per kind and channel. Security notices reach the person whatever their
 * preferences and regardless of quiet hours.
 */
public enum NoticeKind {
    LICENSE_EXPIRING(false),
    LICENSE_EXPIRED(false),
    CHANGE_APPROVED(false),
    CHANGE_REJECTED(false),
    ACCOUNT_LOCKED(true),
    ACCOUNT_UNLOCKED(true),
    ACCOUNT_BLOCKED(true),
    ACCOUNT_UNBLOCKED(true),
    ACCOUNT_ACTIVATED(false),
    NEW_DEVICE_LOGIN(true),
    CONTACTS_CHANGED(true),
    /** To the worker: an organisation asked to link them. */
    LINK_REQUESTED(false),
    /** To the side that asked (the worker, or the organisation's HR): accepted, declined or expired. */
    LINK_ANSWERED(false),
    /** To the organisation's HR: a worker disputes an employment record; answer by the due date. */
    DISCREPANCY_RAISED(false),
    /** To the worker: the organisation answered their discrepancy. */
    DISCREPANCY_ANSWERED(false),
    /** To the worker, the organisation's HR and the supervisory authority of its region. */
    DISCREPANCY_OVERDUE(false),
    CERTIFICATE_READY(false),
    CERTIFICATE_SENT(false),
    CERTIFICATE_REFUSED(false),
    /** To the requester: the ticket number of their support request. */
    SUPPORT_REQUEST_RECEIVED(false),
    /** To the requester, by the channel they chose: support's answer. */
    SUPPORT_ANSWERED(false),
    /** To the security staff's mailboxes: an anomaly rule of the audit service fired. */
    SECURITY_ALERT(true);

    private final boolean security;

    NoticeKind(boolean security) {
        this.security = security;
    }

    /** Cannot be switched off and is not held back by quiet hours. */
    public boolean security() {
        return security;
    }
}
