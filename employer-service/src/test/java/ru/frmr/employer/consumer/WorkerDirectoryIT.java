package ru.frmr.employer.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ru.frmr.contracts.Topics;
import ru.frmr.contracts.registry.PersonalDataErased;
import ru.frmr.contracts.registry.WorkerRegistered;
import ru.frmr.employer.EmployerClient;
import ru.frmr.employer.query.WorkerDirectory;
import ru.frmr.employer.web.StaffApiSupport;

/**
 * Workers' names from the registry's topic: a registration delivered again is applied once, an erasure removes the
 * name, and nothing brings an erased name back.
 */
class WorkerDirectoryIT extends StaffApiSupport {

    @Autowired
    WorkerDirectory directory;

    @Autowired
    MeterRegistry meters;

    @Test
    void aRedeliveredRegistrationIsAppliedOnce() {
        String workerId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        EmployerClient.workerRegistered(eventId, workerId, "Петрова", "Ольга", "Ивановна");
        awaitName(workerId, "Петрова Ольга Ивановна");
        double duplicates = duplicates();

        // The same event id again (a redelivery); its payload altered so that applying it would show.
        EmployerClient.publish(Topics.REGISTRY_EVENTS, eventId,
                new WorkerRegistered(workerId, "Другая", "Фамилия", null, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() > duplicates);
        assertThat(directory.names(List.of(workerId))).isEqualTo(Map.of(workerId, "Петрова Ольга Ивановна"));
        assertThat(mongo.getCollection("worker_directory").countDocuments(new Document("_id", workerId)))
                .isEqualTo(1);
    }

    @Test
    void anErasureRemovesTheNameForGood() {
        String workerId = UUID.randomUUID().toString();
        String registration = UUID.randomUUID().toString();
        EmployerClient.workerRegistered(registration, workerId, "Сидоров", "Семён", null);
        awaitName(workerId, "Сидоров Семён");

        EmployerClient.publish(Topics.REGISTRY_EVENTS, UUID.randomUUID().toString(),
                new PersonalDataErased(workerId, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.names(List.of(workerId)).isEmpty());

        // A registration coming again later (a replay of the registry's topic under new ids) must not restore it.
        String late = UUID.randomUUID().toString();
        EmployerClient.publish(Topics.REGISTRY_EVENTS, late,
                new WorkerRegistered(workerId, "Сидоров", "Семён", null, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("processed_events")
                .countDocuments(new Document("_id", "worker-directory|" + late)) == 1);
        assertThat(directory.names(List.of(workerId))).isEmpty();
        Document stored = mongo.getCollection("worker_directory")
                .find(new Document("_id", workerId)).first();
        assertThat(stored).doesNotContainKeys("lastName", "firstName", "middleName");
    }

    private void awaitName(String workerId, String name) {
        await().atMost(Duration.ofSeconds(30)).until(() -> name.equals(directory.names(List.of(workerId))
                .get(workerId)));
    }

    private double duplicates() {
        Counter counter = meters.find("frmr.consumer.events").tag("consumer", "worker-directory")
                .tag("outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }
}
