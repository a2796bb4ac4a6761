package ru.frmr.notification.notice.route;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.notification.delivery.Outbox;
import ru.frmr.notification.delivery.OutboxEntry;
import ru.frmr.notification.notice.AddressBook;
import ru.frmr.notification.notice.Notice;
import ru.frmr.notification.notice.Notices;
import ru.frmr.notification.notice.Recipient;
import ru.frmr.notification.notice.Templates;
import ru.frmr.notification.people.PeopleDirectory;
import ru.frmr.notification.people.SealedAddressBook;
import ru.frmr.notification.preference.NoticePreferences;
import ru.frmr.notification.preference.Preferences;
import ru.frmr.notification.template.NoticeFields;

/**
 * The platform's {@link Notices}: resolves a worker to their account (parking the notice until the registry links
 * one), drops what is addressed to an erased person, picks the channels (the notice's own, or the person's
 * preferences; security notices on every channel the person can be reached on), holds e-mail and SMS that can
 * wait until the end of the person's quiet hours (the inbox never waits), and queues one outbox entry per channel.
 * The entry's id is derived from (source event, channel, recipient): telling the same notice again queues nothing
 * new.
 */
@Component
public class RoutedNotices implements Notices {

    private static final Logger log = LoggerFactory.getLogger(RoutedNotices.class);
    private static final Set<NotificationChannel> EVERY_CHANNEL = EnumSet.allOf(NotificationChannel.class);

    private final PeopleDirectory people;
    private final AddressBook addresses;
    private final Templates templates;
    private final NoticePreferences preferences;
    private final ParkedNotices parked;
    private final Outbox outbox;
    private final Clock clock;

    RoutedNotices(PeopleDirectory people, AddressBook addresses, Templates templates, NoticePreferences preferences,
                  ParkedNotices parked, Outbox outbox, Clock clock) {
        this.people = people;
        this.addresses = addresses;
        this.templates = templates;
        this.preferences = preferences;
        this.parked = parked;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void tell(Notice notice) {
        if (notice.recipient() instanceof Recipient.Worker worker) {
            if (people.isWorkerErased(worker.workerId())) {
                return;
            }
            Optional<String> account = people.accountOfWorker(worker.workerId());
            if (account.isEmpty()) {
                log.debug("{} parked until the worker's account is known", notice);
                parked.park(worker.workerId(), notice);
                // The link may have been recorded (its event comes on another topic) between the look-up and the
                // parking: released here then; a notice told twice is queued once.
                people.accountOfWorker(worker.workerId()).ifPresent(linked -> release(worker.workerId(), linked));
                return;
            }
            tell(new Notice(notice.sourceEventId(), notice.kind(), new Recipient.Account(account.get()),
                    notice.fields(), notice.channels(), notice.occurredAt()));
            return;
        }
        queue(notice, notice.recipient().key(), notice.recipient() instanceof Recipient.Account a ? a.accountId()
                : null, notice.channels());
    }

    /**
     * Warns the e-mail address an account held before its contacts changed: the person reads there that their
     * contacts were changed, in case it was not them. E-mail only, never held back.
     */
    public void tellPreviousAddress(Notice notice, String accountId) {
        queue(notice, SealedAddressBook.previousEmailKey(accountId, notice.sourceEventId()), null,
                Set.of(NotificationChannel.EMAIL));
    }

    /** The worker's account became known: what waited for them goes out now. */
    public void release(String workerId, String accountId) {
        for (ParkedNotices.Parked p : parked.of(workerId, accountId)) {
            tell(p.notice());
            parked.release(p.id());
        }
    }

    private void queue(Notice notice, String key, String accountId, Set<NotificationChannel> chosen) {
        if (addresses.erased(key)) {
            log.debug("{} not queued: the recipient's data were erased", notice);
            return;
        }
        Preferences prefs = accountId == null ? Preferences.DEFAULT : preferences.of(accountId);
        Instant now = clock.instant();
        Map<String, String> fields = new HashMap<>(notice.fields());
        fields.put(NoticeFields.GREETING, accountId == null ? "Здравствуйте!"
                : people.nameOf(accountId).map(name -> "Здравствуйте, " + name + "!").orElse("Здравствуйте!"));
        boolean security = notice.kind().security();
        for (NotificationChannel channel : EVERY_CHANNEL) {
            if (chosen != null ? !chosen.contains(channel) : !security && !prefs.enabled(notice.kind(), channel)) {
                continue;
            }
            if (!templates.has(notice.kind(), channel) || addresses.address(key, channel).isEmpty()) {
                continue;
            }
            Instant notBefore = security || channel == NotificationChannel.INBOX ? null
                    : prefs.quietHours().endAfter(now).orElse(null);
            outbox.enqueue(new OutboxEntry(OutboxEntry.idOf(notice.sourceEventId(), channel, key),
                    notice.sourceEventId(), notice.kind(), channel, key, fields, notBefore, now));
        }
    }
}
