package ru.frmr.notification.notice.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ru.frmr.contracts.audit.AlertRule;
import ru.frmr.contracts.audit.AuditAlertRaised;
import ru.frmr.notification.notice.Notice;
import ru.frmr.notification.notice.NoticeKind;
import ru.frmr.notification.notice.Recipient;
import ru.frmr.notification.people.PeopleDirectory;
import ru.frmr.notification.people.SealedAddressBook;
import ru.frmr.notification.people.SecurityAlertProperties;

/** Each row of the routing table: the event tells the right people the right kind, with display values. */
class EventRouterTest {

    private static final RoutingTable.Cast CAST = RoutingTable.Cast.fresh();

    private final EventRouter router = new EventRouter(new PeopleDirectory() {
        @Override
        public Optional<String> accountOfWorker(String workerId) {
            return Optional.empty();
        }

        @Override
        public boolean isWorkerErased(String workerId) {
            return false;
        }

        @Override
        public Set<String> hrAccountsOf(String organizationId) {
            return organizationId.equals(CAST.organizationId()) ? Set.of(CAST.hr1(), CAST.hr2()) : Set.of();
        }

        @Override
        public Optional<SealedAddressBook.Organization> organization(String organizationId) {
            return organizationId.equals(CAST.organizationId())
                    ? Optional.of(new SealedAddressBook.Organization(RoutingTable.ORGANIZATION_NAME,
                    RoutingTable.REGION)) : Optional.empty();
        }

        @Override
        public Optional<String> nameOf(String accountId) {
            return Optional.empty();
        }
    }, new SecurityAlertProperties(Map.of("soc", "soc@example.ru", "duty", "duty@example.ru")));

    static List<RoutingTable.Row> rows() {
        List<RoutingTable.Row> rows = new java.util.ArrayList<>(RoutingTable.rows(CAST));
        rows.add(RoutingTable.contactsChanged(CAST, "new@mail.ru"));
        rows.add(new RoutingTable.Row("audit alert: every security mailbox", new AuditAlertRaised(
                "al-0123456789abcdef0123456789abcdef", AlertRule.MASS_RECORD_READS, "acc-7", 50, 50,
                Instant.parse("2026-12-06T09:00:00Z"), Instant.parse("2026-12-06T10:00:00Z"),
                Instant.parse("2026-12-06T09:41:00Z")), RoutingTable.id(), NoticeKind.SECURITY_ALERT,
                Set.of(new Recipient.SecurityStaff("soc"), new Recipient.SecurityStaff("duty")), Map.of(),
                Map.of("rule", "массовый просмотр записей одним пользователем", "subject", "acc-7", "count", "50",
                        "windowStart", "06.12.2026 12:00 (МСК)", "windowEnd", "06.12.2026 13:00 (МСК)")));
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void routesTheEventToItsKindAndPeople(RoutingTable.Row row) {
        List<Notice> notices = router.route(row.received());

        if (row.kind() == null) {
            assertThat(notices).isEmpty();
            return;
        }
        assertThat(notices).allSatisfy(n -> {
            assertThat(n.kind()).isEqualTo(row.kind());
            assertThat(n.sourceEventId()).isEqualTo(row.eventId());
            assertThat(n.fields()).containsAllEntriesOf(row.fields());
            assertThat(n.channels()).isNull();
        });
        assertThat(notices.stream().map(Notice::recipient).collect(Collectors.toSet()))
                .isEqualTo(row.recipients());
    }
}
