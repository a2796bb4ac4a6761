package ru.frmr.notification.sms;

/** The SMS gateway refused the message itself (4xx); the message never names the number. */
public class SmsRejectedException extends RuntimeException {

    public SmsRejectedException(String message) {
        super(message);
    }
}
