package ru.frmr.notification.sms;

/** The SMS gateway could not be reached, timed out or failed (5xx). */
public class SmsUnavailableException extends RuntimeException {

    public SmsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
