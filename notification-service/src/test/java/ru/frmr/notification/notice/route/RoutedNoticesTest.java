package ru.frmr.notification.notice.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static ru.frmr.contracts.notification.NotificationChannel.EMAIL;
import static ru.frmr.contracts.notification.NotificationChannel.INBOX;
import static ru.frmr.contracts.notification.NotificationChannel.SMS;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.notification.delivery.Outbox;
import ru.frmr.notification.delivery.OutboxEntry;
import ru.frmr.notification.notice.AddressBook;
import ru.frmr.notification.notice.Notice;
import ru.frmr.notification.notice.NoticeKind;
import ru.frmr.notification.notice.Recipient;
import ru.frmr.notification.people.PeopleDirectory;
import ru.frmr.notification.preference.NoticePreferences;
import ru.frmr.notification.preference.Preferences;
import ru.frmr.notification.preference.QuietHours;
import ru.frmr.notification.template.MustacheTemplates;
import ru.frmr.notification.template.NoticeFields;

class RoutedNoticesTest {

    private static final MustacheTemplates TEMPLATES = MustacheTemplates.load("templates/notices",
            NoticeFields.standard(), 3);
    /** 23:30 in Moscow. */
    private static final Instant LATE_EVENING = Instant.parse("2026-12-06T20:30:00Z");
    private static final Instant NOON = Instant.parse("2026-12-06T09:00:00Z");

    private final PeopleDirectory people = mock(PeopleDirectory.class);
    private final AddressBook addresses = mock(AddressBook.class);
    private final NoticePreferences preferences = mock(NoticePreferences.class);
    private final ParkedNotices parked = mock(ParkedNotices.class);
    private final RecordingOutbox outbox = new RecordingOutbox();

    /** The Outbox's contract as its implementation keeps it: one entry per notification id. */
    static final class RecordingOutbox implements Outbox {
        final Map<String, OutboxEntry> entries = new LinkedHashMap<>();
        final List<OutboxEntry> calls = new ArrayList<>();

        @Override
        public void enqueue(OutboxEntry entry) {
            calls.add(entry);
            entries.putIfAbsent(entry.notificationId(), entry);
        }

        Map<NotificationChannel, OutboxEntry> byChannel() {
            return entries.values().stream().collect(Collectors.toMap(OutboxEntry::channel, e -> e));
        }
    }

    @BeforeEach
    void maria() {
        when(people.accountOfWorker("w-1")).thenReturn(Optional.of("a-1"));
        when(people.nameOf("a-1")).thenReturn(Optional.of("Мария Петровна"));
        when(addresses.address("a-1", EMAIL)).thenReturn(Optional.of("maria@mail.ru"));
        when(addresses.address("a-1", SMS)).thenReturn(Optional.of("+79161234567"));
        when(addresses.address("a-1", INBOX)).thenReturn(Optional.of("a-1"));
        when(preferences.of(anyString())).thenReturn(Preferences.DEFAULT);
    }

    private RoutedNotices at(Instant now) {
        return new RoutedNotices(people, addresses, TEMPLATES, preferences, parked, outbox,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Notice notice(NoticeKind kind, Recipient to) {
        return new Notice("evt-1", kind, to, Map.of("endDate", "05.01.2027"), NOON);
    }

    @Test
    void aWorkersNoticeGoesToTheirAccountByEmailAndInboxWithAGreeting() {
        at(NOON).tell(notice(NoticeKind.LICENSE_EXPIRING, new Recipient.Worker("w-1")));

        assertThat(outbox.byChannel()).containsOnlyKeys(EMAIL, INBOX);
        OutboxEntry email = outbox.byChannel().get(EMAIL);
        assertThat(email.recipientKey()).isEqualTo("a-1");
        assertThat(email.notificationId()).isEqualTo(OutboxEntry.idOf("evt-1", EMAIL, "a-1"));
        assertThat(email.fields()).containsEntry("greeting", "Здравствуйте, Мария Петровна!")
                .containsEntry("endDate", "05.01.2027");
        assertThat(email.notBefore()).isNull();
        assertThat(email.queuedAt()).isEqualTo(NOON);
    }

    @Test
    void theSameNoticeToldTwiceQueuesOneEntryPerChannel() {
        RoutedNotices notices = at(NOON);
        notices.tell(notice(NoticeKind.ACCOUNT_LOCKED, new Recipient.Account("a-1")));
        notices.tell(notice(NoticeKind.ACCOUNT_LOCKED, new Recipient.Account("a-1")));

        assertThat(outbox.calls).hasSize(6);
        assertThat(outbox.entries).hasSize(3);
        assertThat(outbox.byChannel()).containsOnlyKeys(EMAIL, SMS, INBOX);
    }

    @Test
    void aSecurityNoticeUsesEveryChannelWithAnAddressWhateverThePreferences() {
        when(preferences.of("a-1")).thenReturn(new Preferences(Map.of(NoticeKind.NEW_DEVICE_LOGIN,
                Map.of(EMAIL, false, SMS, false)), QuietHours.OFF));
        when(addresses.address("a-1", SMS)).thenReturn(Optional.empty());

        at(NOON).tell(notice(NoticeKind.NEW_DEVICE_LOGIN, new Recipient.Account("a-1")));

        assertThat(outbox.byChannel()).containsOnlyKeys(EMAIL, INBOX);
    }

    @Test
    void preferencesSwitchChannelsOfOrdinaryNoticesOffAndSmsOn() {
        when(preferences.of("a-1")).thenReturn(new Preferences(Map.of(
                NoticeKind.LICENSE_EXPIRED, Map.of(EMAIL, false),
                NoticeKind.LICENSE_EXPIRING, Map.of(SMS, true)), QuietHours.OFF));
        RoutedNotices notices = at(NOON);

        notices.tell(notice(NoticeKind.LICENSE_EXPIRED, new Recipient.Account("a-1")));
        assertThat(outbox.byChannel()).containsOnlyKeys(INBOX);

        outbox.entries.clear();
        notices.tell(new Notice("evt-2", NoticeKind.LICENSE_EXPIRING, new Recipient.Account("a-1"), Map.of(), NOON));
        assertThat(outbox.byChannel()).containsOnlyKeys(EMAIL, SMS, INBOX);

        outbox.entries.clear();
        // SMS switched on, but the kind has no SMS template: nothing goes by SMS.
        when(preferences.of("a-1")).thenReturn(new Preferences(Map.of(NoticeKind.CERTIFICATE_READY,
                Map.of(SMS, true)), QuietHours.OFF));
        notices.tell(new Notice("evt-3", NoticeKind.CERTIFICATE_READY, new Recipient.Account("a-1"), Map.of(), NOON));
        assertThat(outbox.byChannel()).containsOnlyKeys(EMAIL, INBOX);
    }

    @Test
    void quietHoursDelayEmailAndSmsOfAnOrdinaryNoticeToTheirEndButNeverTheInbox() {
        when(preferences.of("a-1")).thenReturn(new Preferences(Map.of(NoticeKind.LICENSE_EXPIRING,
                Map.of(SMS, true)), new QuietHours(true, LocalTime.of(22, 0), LocalTime.of(8, 0),
                ZoneId.of("Europe/Moscow"))));

        at(LATE_EVENING).tell(notice(NoticeKind.LICENSE_EXPIRING, new Recipient.Account("a-1")));

        Instant eightInMoscow = Instant.parse("2026-12-07T05:00:00Z");
        assertThat(outbox.byChannel().get(EMAIL).notBefore()).isEqualTo(eightInMoscow);
        assertThat(outbox.byChannel().get(SMS).notBefore()).isEqualTo(eightInMoscow);
        assertThat(outbox.byChannel().get(INBOX).notBefore()).isNull();
    }

    @Test
    void quietHoursDoNotHoldBackASecurityNotice() {
        when(preferences.of("a-1")).thenReturn(new Preferences(Map.of(), new QuietHours(true, LocalTime.of(22, 0),
                LocalTime.of(8, 0), ZoneId.of("Europe/Moscow"))));

        at(LATE_EVENING).tell(notice(NoticeKind.ACCOUNT_LOCKED, new Recipient.Account("a-1")));

        assertThat(outbox.entries.values()).hasSize(3).allSatisfy(e -> assertThat(e.notBefore()).isNull());
    }

    @Test
    void quietHoursOutsideTheirWindowHoldNothing() {
        when(preferences.of("a-1")).thenReturn(new Preferences(Map.of(), new QuietHours(true, LocalTime.of(22, 0),
                LocalTime.of(8, 0), ZoneId.of("Europe/Moscow"))));

        at(NOON).tell(notice(NoticeKind.LICENSE_EXPIRING, new Recipient.Account("a-1")));

        assertThat(outbox.entries.values()).isNotEmpty().allSatisfy(e -> assertThat(e.notBefore()).isNull());
    }

    @Test
    void anErasedPersonIsToldNothing() {
        when(addresses.erased("a-1")).thenReturn(true);
        when(people.isWorkerErased("w-2")).thenReturn(true);

        at(NOON).tell(notice(NoticeKind.ACCOUNT_LOCKED, new Recipient.Account("a-1")));
        at(NOON).tell(notice(NoticeKind.LICENSE_EXPIRING, new Recipient.Worker("w-2")));

        assertThat(outbox.calls).isEmpty();
        verify(parked, never()).park(anyString(), any());
    }

    @Test
    void aWorkerWithoutAKnownAccountIsParkedAndReleasedWhenTheLinkArrives() {
        Notice toWorker = notice(NoticeKind.CERTIFICATE_READY, new Recipient.Worker("w-3"));
        RoutedNotices notices = at(NOON);

        notices.tell(toWorker);
        assertThat(outbox.calls).isEmpty();
        verify(parked).park("w-3", toWorker);

        Notice forAccount = new Notice("evt-1", NoticeKind.CERTIFICATE_READY, new Recipient.Account("a-1"),
                toWorker.fields(), NOON);
        when(parked.of("w-3", "a-1")).thenReturn(List.of(new ParkedNotices.Parked("p-1", forAccount)));
        notices.release("w-3", "a-1");

        assertThat(outbox.byChannel()).containsOnlyKeys(EMAIL, INBOX);
        verify(parked).release("p-1");
    }

    @Test
    void explicitChannelsOverrideThePreferences() {
        at(NOON).tell(new Notice("evt-1", NoticeKind.SUPPORT_ANSWERED, new Recipient.Account("a-1"),
                Map.of("ticketNumber", "ФРМР-2026-000123", "answer", "Ответ"), Set.of(INBOX), NOON));

        assertThat(outbox.byChannel()).containsOnlyKeys(INBOX);
    }

    @Test
    void aSupervisoryAuthorityAndAnAnonymousRequesterAreReachedByEmailOnly() {
        when(addresses.address(eq("supervision:77"), any())).thenAnswer(i ->
                i.getArgument(1) == EMAIL ? Optional.of("nadzor-77@rzn.local") : Optional.empty());
        when(addresses.address(eq("support-request:r-1"), any())).thenAnswer(i ->
                i.getArgument(1) == EMAIL ? Optional.of("someone@mail.ru") : Optional.empty());

        at(NOON).tell(notice(NoticeKind.DISCREPANCY_OVERDUE, new Recipient.Supervision("77")));
        at(NOON).tell(new Notice("evt-2", NoticeKind.SUPPORT_REQUEST_RECEIVED, new Recipient.Requester("r-1"),
                Map.of("ticketNumber", "ФРМР-2026-000124"), Set.of(EMAIL), NOON));

        assertThat(outbox.entries.values()).extracting(OutboxEntry::recipientKey, OutboxEntry::channel)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("supervision:77", EMAIL),
                        org.assertj.core.groups.Tuple.tuple("support-request:r-1", EMAIL));
        assertThat(outbox.entries.values()).allSatisfy(e ->
                assertThat(e.fields()).containsEntry("greeting", "Здравствуйте!"));
    }

    @Test
    void aContactsChangeWarnsThePreviousAddressByEmailOnly() {
        when(addresses.address("previous-email:a-1/evt-1", EMAIL)).thenReturn(Optional.of("old@mail.ru"));

        at(NOON).tellPreviousAddress(notice(NoticeKind.CONTACTS_CHANGED, new Recipient.Account("a-1")), "a-1");

        assertThat(outbox.entries.values()).singleElement().satisfies(e -> {
            assertThat(e.recipientKey()).isEqualTo("previous-email:a-1/evt-1");
            assertThat(e.channel()).isEqualTo(EMAIL);
        });
    }
}
