package ru.frmr.registry.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventSources;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.auth.AccountProvisioned;
import ru.frmr.contracts.auth.AccountStatusChanged;
import ru.frmr.contracts.auth.IdentityDocument;
import ru.frmr.contracts.registry.WorkerAccountLinked;
import ru.frmr.registry.command.SnilsIndex;
import ru.frmr.registry.privacy.PersonalDataReader;
import ru.frmr.registry.privacy.PersonalDataVault;
import ru.frmr.registry.query.AccountStatuses;
import ru.frmr.registry.query.WorkerQueries;
import ru.frmr.registry.query.WorkerView;

/**
 * A worker's first ESIA login, announced by auth-service on Kafka, creates their record once: the idempotent
 * consumer (a redelivery applied once, poison to the dead-letter topic), the event store and the relay's answer on
 * Kafka. The in-process broker and Mongo wire server ({@link AccountProvisioningIT}) and real mongo (replica set)
 * and Kafka images ({@link AccountProvisioningContainersIT}) run the same tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class AccountProvisioningContract {

    static final String DB = "registry_provisioning_it";

    @Autowired
    SnilsIndex index;

    @Autowired
    WorkerQueries queries;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AccountStatuses statuses;

    @Autowired
    PersonalDataVault vault;

    private static final IdentityDocument PASSPORT = new IdentityDocument("RF_PASSPORT", "4524", "723456",
            LocalDate.of(2024, 2, 10), "ГУ МВД России по г. Москве", "770-002");

    @Test
    void firstLoginCreatesTheRecordOnceEvenWhenDeliveredTwiceAndTellsAuthTheRegistryNumber() {
        var registryEvents = KafkaTestEvents.subscribe("provisioning-it", Topics.REGISTRY_EVENTS);
        String accountId = UUID.randomUUID().toString();
        AccountProvisioned provisioned = new AccountProvisioned(accountId, true, "1000299655",
                "Петров", "Пётр", "Сергеевич", LocalDate.of(1979, 2, 3), "M", "12345678964", "petrov@frmr.test",
                "+7(999)0000002", Instant.now(), "770223456707", "RUS", PASSPORT);
        String eventId = UUID.randomUUID().toString();
        publish(eventId, provisioned);
        publish(eventId, provisioned);

        String workerId = awaitRecordOf("12345678964");
        WorkerView view = queries.byId(workerId).orElseThrow();
        PersonalDataReader personal = vault.reader(workerId);
        assertThat(view.lastName()).isEqualTo("Петров");
        assertThat(view.gender()).isEqualTo("M");
        assertThat(view.citizenship()).isEqualTo("RUS");
        assertThat(personal.open(view.snils())).isEqualTo("12345678964");
        assertThat(personal.open(view.inn())).isEqualTo("770223456707");
        assertThat(personal.open(view.identityDocument())).isEqualTo(new ru.frmr.registry.api.IdentityDocument(
                "RF_PASSPORT", "4524", "723456", LocalDate.of(2024, 2, 10), "ГУ МВД России по г. Москве", "770-002"));
        assertThat(personal.open(view.email())).isEqualTo("petrov@frmr.test");
        assertThat(personal.open(view.mobile())).isEqualTo("+79990000002");
        assertThat(view.snils()).as("stored sealed").startsWith("pd1:");
        // Other consumers of the auth topic (account status) record the same event id under their own name.
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("processed_events")
                .countDocuments(new org.bson.Document("_id", "worker-provisioning|" + eventId)) == 1);
        assertThat(mongo.getCollection("domainevents").countDocuments(
                new org.bson.Document("aggregateIdentifier", workerId))).as("registered, account linked").isEqualTo(2);
        byte[] announced = KafkaTestEvents.awaitEvent(registryEvents, workerId, EventTypes.WORKER_ACCOUNT_LINKED)
                .getData().toBytes();
        assertThat(ContractSchemas.violations(EventTypes.WORKER_ACCOUNT_LINKED, announced)).isEmpty();
        WorkerAccountLinked linked = ContractJson.fromBytes(announced, WorkerAccountLinked.class);
        assertThat(linked.accountId()).isEqualTo(accountId);
        assertThat(linked.workerId()).isEqualTo(workerId);
        registryEvents.close();
    }

    @Test
    void aPersonWhoIsNoMedicalWorkerGetsNoRecord() {
        String eventId = UUID.randomUUID().toString();
        publish(eventId, new AccountProvisioned(UUID.randomUUID().toString(), false, "1000299657", "Кузнецов",
                "Игорь", "Олегович", LocalDate.of(1975, 10, 10), "M", "11111111145", null, null, Instant.now(), null,
                null, null));

        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("processed_events")
                .countDocuments(new org.bson.Document("_id", "worker-provisioning|" + eventId)) == 1);
        assertThat(index.find("11111111145")).isEmpty();
    }

    @Test
    void esiaDataThatBreakTheRegistrysRulesAreLeftOutAndTheRecordIsCreatedWithoutThem() {
        IdentityDocument malformed = new IdentityDocument("RF_PASSPORT", "45", "1", null, null, null);
        publish(UUID.randomUUID().toString(), new AccountProvisioned(UUID.randomUUID().toString(), true,
                "1000299658", "Орлова", "Елена", "Дмитриевна", LocalDate.of(1980, 5, 5), "F", "22222222290", null,
                null, Instant.now(), "770556789005", "Russia", malformed));

        String workerId = awaitRecordOf("22222222290");
        WorkerView view = queries.byId(workerId).orElseThrow();
        assertThat(view.lastName()).isEqualTo("Орлова");
        assertThat(view.inn()).as("a wrong checksum").isNull();
        assertThat(view.citizenship()).isNull();
        assertThat(view.identityDocument()).isNull();
        assertThat(vault.reader(workerId).open(view.snils())).isEqualTo("22222222290");
    }

    @Test
    void aСнилсWithAWrongChecksumGoesToTheDeadLetterTopicAndIsNotIndexed() {
        String eventId = UUID.randomUUID().toString();
        publish(eventId, new AccountProvisioned(UUID.randomUUID().toString(), true, "1000299699", "Лжецов",
                "Иван", null, LocalDate.of(1990, 1, 1), "M", "11223344500", null, null, Instant.now(), null, null,
                null));

        KafkaTestEvents.awaitDeadLettered(Topics.deadLetterOf(Topics.AUTH_EVENTS), List.of(eventId));
        assertThat(index.find("11223344500")).isEmpty();
    }

    @Test
    void theCabinetFollowsTheAccountStatusAuthServiceReportsAndIgnoresLateOlderNews() {
        String accountId = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), new AccountProvisioned(accountId, true, "1000299700", "Сидорова",
                "Ольга", null, LocalDate.of(1990, 5, 6), "F", "00000060006", null, null, Instant.now(), null, null,
                null));
        String workerId = awaitRecordOf("00000060006");
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses.ofWorker(workerId).isPresent());
        assertThat(statuses.ofWorker(workerId)).as("a provisioned account starts active").hasValue("ACTIVE");

        Instant blockedAt = Instant.now();
        publish(UUID.randomUUID().toString(), new AccountStatusChanged(accountId, "BLOCKED", "ACTIVE", blockedAt));
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses.ofWorker(workerId).orElse("").equals("BLOCKED"));

        String lateEvent = UUID.randomUUID().toString();
        publish(lateEvent, new AccountStatusChanged(accountId, "NEEDS_CONFIRMATION", "ACTIVE",
                blockedAt.minusSeconds(60)));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("processed_events")
                .countDocuments(new org.bson.Document("_id", "account-status|" + lateEvent)) == 1);
        assertThat(statuses.ofWorker(workerId)).hasValue("BLOCKED");
    }

    /** The record's id is a random registry number: found through the private СНИЛС index once it exists. */
    private String awaitRecordOf(String snils) {
        await().atMost(Duration.ofSeconds(30)).until(() -> index.find(snils).flatMap(queries::byId).isPresent());
        return index.find(snils).orElseThrow();
    }

    private static void publish(String eventId, IntegrationEvent event) {
        KafkaTestEvents.publish(Topics.AUTH_EVENTS, EventSources.AUTH, eventId, event, "system");
    }
}
