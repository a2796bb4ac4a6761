package ru.frmr.notification.notice.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ru.frmr.notification.notice.Notice;
import ru.frmr.notification.people.PeopleDirectory;
import ru.frmr.notification.people.SealedAddressBook;

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
    });

    static List<RoutingTable.Row> rows() {
        List<RoutingTable.Row> rows = new java.util.ArrayList<>(RoutingTable.rows(CAST));
        rows.add(RoutingTable.contactsChanged(CAST, "new@mail.ru"));
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
