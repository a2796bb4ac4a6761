package ru.frmr.notification.sms;

/**
 * Sends a text message through the operator's SMS gateway. The gateway keeps one message per
 * {@code clientMessageId}: sending the same id again (a retry after a lost answer) sends nothing new.
 */
public interface SmsGateway {

    /**
     * @throws SmsRejectedException    the gateway refused this message (a number it cannot reach); retrying the
     *                                 channel would not help it
     * @throws SmsUnavailableException the gateway could not be reached or failed; try again later
     */
    SmsReceipt send(String clientMessageId, String to, String text);

    /** @param segments the parts the gateway split (and bills) the text into */
    record SmsReceipt(String id, int segments) {
    }
}
