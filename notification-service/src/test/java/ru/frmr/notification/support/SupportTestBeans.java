package ru.frmr.notification.support;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.infra.embedded.MutableClock;
import ru.frmr.notification.notice.AddressBook;
import ru.frmr.notification.notice.Notice;
import ru.frmr.notification.notice.Notices;

/**
 * What the support ITs put in place of the notices' side (another module's work, tested there): a {@link Notices}
 * and an {@link AddressBook} that record what support tells them, and the clock a test moves by hand, starting at
 * {@link #START} (10:00 in Moscow on Monday 2 March 2026).
 */
@TestConfiguration(proxyBeanMethods = false)
public class SupportTestBeans {

    public static final Instant START = Instant.parse("2026-03-02T07:00:00Z");
    public static final MutableClock CLOCK = new MutableClock(START);

    @Bean
    @Primary
    Clock testClock() {
        return CLOCK;
    }

    @Bean
    @Primary
    RecordingNotices recordingNotices() {
        return new RecordingNotices();
    }

    @Bean
    @Primary
    RecordingAddressBook recordingAddressBook() {
        return new RecordingAddressBook();
    }

    public static final class RecordingNotices implements Notices {

        private final List<Notice> told = new CopyOnWriteArrayList<>();

        @Override
        public void tell(Notice notice) {
            told.add(notice);
        }

        public List<Notice> told() {
            return List.copyOf(told);
        }
    }

    public static final class RecordingAddressBook implements AddressBook {

        private final Map<String, String> requesters = new ConcurrentHashMap<>();

        @Override
        public Optional<String> address(String recipientKey, NotificationChannel channel) {
            return Optional.empty();
        }

        @Override
        public boolean erased(String recipientKey) {
            return false;
        }

        @Override
        public void rememberRequester(String requestId, String email) {
            requesters.put(requestId, email);
        }

        public Map<String, String> requesters() {
            return Map.copyOf(requesters);
        }
    }
}
