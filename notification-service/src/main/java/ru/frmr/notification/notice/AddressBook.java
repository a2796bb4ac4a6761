package ru.frmr.notification.notice;

import java.util.Optional;

import ru.frmr.contracts.notification.NotificationChannel;

/**
 * Where a recipient is reached, from the events the service received (accounts, contact changes, the configured
 * mailboxes of supervisory authorities, the e-mail of a support request filed without logging in). Addresses are
 * stored sealed under the recipient's key and are gone once the person's data are erased.
 */
public interface AddressBook {

    /** The recipient's address on {@code channel} (e-mail, mobile number, account id for the inbox), if any. */
    Optional<String> address(String recipientKey, NotificationChannel channel);

    /** The person's data were erased: nothing more is sent to them. */
    boolean erased(String recipientKey);

    /** Keeps the e-mail of someone who filed a support request without logging in. */
    void rememberRequester(String requestId, String email);
}
