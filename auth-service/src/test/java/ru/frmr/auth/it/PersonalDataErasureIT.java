package ru.frmr.auth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.registry.PersonalDataErased;
import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.kit.relay.CloudEventRecords;

/**
 * Personal data at rest in auth-service are sealed, and the registry's {@code PersonalDataErased} shreds them:
 * auth's own Mongo (event store and read models) never holds the plain СНИЛС, ИНН, passport number or e-mail,
 * and after the erasure the sealed copies no longer open while the account goes on working.
 */
class PersonalDataErasureIT extends AuthIntegrationTest {

    private static final URI REGISTRY = URI.create("/frmr/registry-service");

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
        publishErasure(erasureId, subject);
        await().atMost(Duration.ofSeconds(30)).until(() -> queries.account(accountId)
                .map(AccountView::personalDataErasedAt).isPresent());

        assertThat(vault.open(subject, provisioned.person())).isEmpty();
        assertThat(vault.open(subject, provisioned.person().email())).isEmpty();
        assertThat(vault.open(subject, provisioned.person().identityDocument().number())).isEmpty();
        assertThat(queries.account(accountId).orElseThrow().email()).isNull();

        // The same message again, then another person's erasure: once that one is done, the repeat was handled.
        publishErasure(erasureId, subject);
        publishErasure(UUID.randomUUID().toString(), vault.subjectFor(other.snils));
        await().atMost(Duration.ofSeconds(30)).until(() -> queries.account(otherAccount)
                .map(AccountView::personalDataErasedAt).isPresent());
        assertThat(eventStore.readEvents(accountId).asStream()
                .filter(e -> e.getPayload() instanceof AccountPersonalDataErasedEvent)).hasSize(1);

        // The stream stays intact and the account still loads and answers.
        assertThat(provisionedEvent(accountId).accountId()).isEqualTo(accountId);
        assertThat(accounts.checkLoginAllowed(accountId).isAllowed()).isTrue();
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
        PersonalDataErased event = new PersonalDataErased(workerId, Instant.now());
        CloudEvent ce = CloudEventRecords.cloudEvent(eventId, REGISTRY, EventCatalog.of(PersonalDataErased.class),
                event, Instant.now(), Map.of(CloudEventRecords.ACTOR, "registry-admin"));
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedTestInfra.get().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(CloudEventRecords.record(Topics.REGISTRY_EVENTS, ce)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
            assertThat(accounts.provisionIfAbsent(accountId, person, null)).isTrue();
            return accountId;
        }
    }
}
