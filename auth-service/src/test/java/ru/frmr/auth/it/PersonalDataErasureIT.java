package ru.frmr.auth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.auth.api.AccountPersonalDataErasedEvent;
import ru.frmr.auth.api.AccountProvisionedEvent;
import ru.frmr.auth.api.IdentityDocument;
import ru.frmr.auth.command.Accounts;
import ru.frmr.auth.identity.IdentifiedPerson;
import ru.frmr.auth.privacy.PersonalDataVault;
import ru.frmr.auth.query.AccountView;
import ru.frmr.auth.query.AuthQueries;
import ru.frmr.contracts.registry.PersonalDataErased;

/**
 * Personal data at rest in auth-service are sealed, and the registry's {@code PersonalDataErased} shreds them:
 * auth's own Mongo (event store and read models) never holds the plain СНИЛС, ИНН, passport number or e-mail,
 * and after the erasure the sealed copies no longer open while the account goes on working.
 */
class PersonalDataErasureIT extends AuthIntegrationTest {

    @Autowired
    Accounts accounts;

    @Autowired
    AuthQueries queries;

    @Autowired
    EventStore eventStore;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PersonalDataVault vault;

    @Test
    void nothingPersonalIsStoredPlainAndAnErasureShredsItOnceWhileTheAccountGoesOn() {
        Person erased = Person.unique();
        Person other = Person.unique();
        String accountId = erased.provision(accounts);
        String otherAccount = other.provision(accounts);
        String subject = vault.subjectFor(erased.snils);
        await().atMost(Duration.ofSeconds(15)).until(() -> queries.account(accountId).isPresent()
                && queries.account(otherAccount).isPresent());
        String workerId = RegistryEvents.linkToNewRecord(queries, accountId);
        String otherWorkerId = RegistryEvents.linkToNewRecord(queries, otherAccount);
        assertThat(subject).as("auth's own key subject, not the registry number").isNotEqualTo(workerId);
        // An administrator's ESIA login leaves a pending second-factor login (with its e-mail) in Mongo, too.
        Browser adminBrowser = browser("Firefox (admin desk)");
        LoggedIn admin = login(adminBrowser, TestPeople.KUZNETSOV_ADMIN);

        assertNoPlainPersonalData(erased.snils, erased.inn, erased.passportNumber, erased.email,
                TestPeople.KUZNETSOV_ADMIN.snils, TestPeople.KUZNETSOV_ADMIN.inn, TestPeople.KUZNETSOV_ADMIN.email());
        AccountProvisionedEvent provisioned = provisionedEvent(accountId);
        assertThat(vault.open(subject, provisioned.person())).hasValueSatisfying(p -> {
            assertThat(p.snils()).isEqualTo(erased.snils);
            assertThat(p.email()).isEqualTo(erased.email);
        });

        String erasureId = UUID.randomUUID().toString();
        publishErasure(erasureId, workerId);
        await().atMost(Duration.ofSeconds(30)).until(() -> queries.account(accountId)
                .map(AccountView::personalDataErasedAt).isPresent());

        assertThat(vault.open(subject, provisioned.person())).isEmpty();
        assertThat(vault.open(subject, provisioned.person().email())).isEmpty();
        assertThat(vault.open(subject, provisioned.person().identityDocument().number())).isEmpty();
        assertThat(queries.account(accountId).orElseThrow().email()).isNull();

        // The same message again, then another person's erasure: once that one is done, the repeat was handled.
        publishErasure(erasureId, workerId);
        publishErasure(UUID.randomUUID().toString(), otherWorkerId);
        await().atMost(Duration.ofSeconds(30)).until(() -> queries.account(otherAccount)
                .map(AccountView::personalDataErasedAt).isPresent());
        assertThat(eventStore.readEvents(accountId).asStream()
                .filter(e -> e.getPayload() instanceof AccountPersonalDataErasedEvent)).hasSize(1);

        // The stream stays intact and the account still loads and answers.
        assertThat(provisionedEvent(accountId).accountId()).isEqualTo(accountId);
        assertThat(accounts.checkLoginAllowed(accountId, "127.0.0.1").isAllowed()).isTrue();
        HttpResponse<String> view = adminBrowser.get("/api/auth/accounts/" + accountId, admin.accessToken());
        assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
        assertThat(Browser.json(view).get("personalDataErasedAt").isNull()).isFalse();
        assertThat(view.body()).doesNotContain(erased.snils).doesNotContain(erased.email);
    }

    private AccountProvisionedEvent provisionedEvent(String accountId) {
        return eventStore.readEvents(accountId).asStream().map(e -> e.getPayload())
                .filter(AccountProvisionedEvent.class::isInstance).map(AccountProvisionedEvent.class::cast)
                .findFirst().orElseThrow();
    }

    /** Every document of every collection of auth's database: event store, read models, pending logins. */
    private void assertNoPlainPersonalData(String... values) {
        List<String> collections = List.copyOf(mongo.getCollectionNames());
        assertThat(collections).contains("domainevents", AccountView.COLLECTION, "personal_data_keys",
                "pending_logins");
        for (String collection : collections) {
            for (Document document : mongo.getCollection(collection).find()) {
                String json = document.toJson();
                for (String value : values) {
                    assertThat(json).as("a document of %s", collection).doesNotContain(value);
                }
            }
        }
    }

    private static void publishErasure(String eventId, String workerId) {
        RegistryEvents.publish(eventId, new PersonalDataErased(workerId, Instant.now()));
    }

    /** A person of this test only, so that erasing them touches no other test's account. */
    private record Person(String oid, String snils, String inn, String passportNumber, String email) {

        static Person unique() {
            long n = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
            String digits = String.format("%09d", n);
            return new Person(String.valueOf(3_000_000_000L + n), digits + "42", "77" + digits + "1",
                    "N" + digits, "erase-" + digits + "@frmr.test");
        }

        String provision(Accounts accounts) {
            String accountId = Accounts.idFor("esia", oid);
            IdentifiedPerson person = new IdentifiedPerson(oid, "Стёртова", "Анна", null, LocalDate.of(1990, 1, 1),
                    "F", snils, email, "+79990001122", true, List.of(), inn, "RUS",
                    new IdentityDocument("RF_PASSPORT", "4510", passportNumber, LocalDate.of(2010, 1, 1),
                            "ГУ МВД России", "770-002"));
            assertThat(accounts.provisionIfAbsent(accountId, person, true)).isTrue();
            return accountId;
        }
    }
}
