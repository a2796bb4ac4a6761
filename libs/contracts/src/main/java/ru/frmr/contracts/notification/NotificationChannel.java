package ru.frmr.contracts.notification;

/** How a notice reaches a person. */
public enum NotificationChannel {
    EMAIL,
    SMS,
    /** The in-app inbox of the cabinet. */
    INBOX
}
