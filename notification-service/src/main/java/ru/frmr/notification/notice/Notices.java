package ru.frmr.notification.notice;

/**
 * Tells a person something: picks the channels (preferences, the kind's security flag, the channels the person
 * has an address for), holds back what is not urgent during their quiet hours, and queues one message per channel
 * in the {@link ru.frmr.notification.delivery.Outbox}. Telling the same notice again queues nothing new.
 */
public interface Notices {

    void tell(Notice notice);
}
