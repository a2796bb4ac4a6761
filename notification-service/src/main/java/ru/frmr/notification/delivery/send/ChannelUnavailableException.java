package ru.frmr.notification.delivery.send;

/** The channel (the SMTP server, the SMS gateway) could not take the message now. */
public class ChannelUnavailableException extends RuntimeException {

    public ChannelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
