package ru.frmr.contracts.notification;

/** What a support request (обращение) is about. */
public enum SupportTopic {
    LOGIN,
    PROFILE,
    EMPLOYER,
    CERTIFICATES,
    OTHER
}
