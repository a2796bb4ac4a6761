package ru.frmr.auth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

import ru.frmr.auth.api.AccountProvisionedEvent;
import ru.frmr.auth.command.Accounts;
import ru.frmr.auth.identity.IdentifiedPerson;

/**
 * Two first logins of the same person at once: one account, provisioned once, both logins go on. The in-process
 * broker and Mongo wire server ({@link ProvisioningRaceIT}, in the context the auth ITs share) and real mongo (replica
 * set) and Kafka images ({@link ProvisioningRaceContainersIT}) run the same test.
 */
interface ProvisioningRaceContract {

    Accounts accounts();

    EventStore eventStore();

    @Test
    default void simultaneousFirstLoginsProvisionOneAccount() throws Exception {
        String oid = String.valueOf(2_000_000_000L + System.nanoTime() % 1_000_000);
        IdentifiedPerson person = new IdentifiedPerson(oid, "Гонкина", "Ольга", null, LocalDate.of(1990, 1, 1), "F",
                "11223344595", null, null, true, List.of());
        String accountId = Accounts.idFor("esia", oid);
        int logins = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(logins);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < logins; i++) {
                Callable<Boolean> firstLogin = () -> {
                    start.await();
                    return accounts().provisionIfAbsent(accountId, person, true);
                };
                results.add(pool.submit(firstLogin));
            }
            start.countDown();
            int created = 0;
            for (Future<Boolean> result : results) {
                created += result.get() ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventStore().readEvents(accountId).asStream()
                .filter(e -> e.getPayload() instanceof AccountProvisionedEvent)).hasSize(1);
    }
}
