package ru.frmr.notification.delivery.send;

/** The channel works but will not take this message to this address. The message never names the address. */
public class RecipientRejectedException extends RuntimeException {

    public RecipientRejectedException(String message) {
        super(message);
    }
}
