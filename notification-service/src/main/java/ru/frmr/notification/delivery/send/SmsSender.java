package ru.frmr.notification.delivery.send;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.notification.sms.SmsGateway;
import ru.frmr.notification.sms.SmsRejectedException;
import ru.frmr.notification.sms.SmsUnavailableException;

/** SMS through the gateway, with the notificationId as its client message id (the gateway dedupes on it). */
@Component
class SmsSender implements ChannelSender {

    private final SmsGateway gateway;

    SmsSender(SmsGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.SMS;
    }

    @Override
    public int send(OutgoingNotice notice) {
        try {
            return gateway.send(notice.notificationId(), notice.address(), notice.text().body()).segments();
        } catch (SmsRejectedException e) {
            throw new RecipientRejectedException(e.getMessage());
        } catch (SmsUnavailableException e) {
            throw new ChannelUnavailableException(e.getMessage(), e);
        }
    }
}
