package ru.frmr.notification.delivery.send;

import ru.frmr.contracts.notification.NotificationChannel;

/** Sends on one channel. Sending the same notificationId again is safe wherever the channel allows it. */
public interface ChannelSender {

    NotificationChannel channel();

    /**
     * @return the SMS parts billed; 0 for the other channels
     * @throws RecipientRejectedException this message cannot go to this address (counts as an attempt, not against
     *                                    the channel)
     * @throws ChannelUnavailableException the channel failed (counts as an attempt and against the channel's breaker)
     */
    int send(OutgoingNotice notice);
}
