package ru.frmr.notification.delivery.api;

/** Why a message was given up ({@code NotificationFailed.reason}). */
public enum DeliveryFailure {
    /** Every attempt of the budget failed; an operator may retry. */
    RETRIES_EXHAUSTED(true),
    /** The recipient holds no address for the channel; an operator may retry once there is one. */
    NO_ADDRESS(true),
    /** The person's data were erased: nothing more is sent to them, ever. */
    RECIPIENT_ERASED(false);

    private final boolean retriable;

    DeliveryFailure(boolean retriable) {
        this.retriable = retriable;
    }

    public boolean retriable() {
        return retriable;
    }
}
