package ru.frmr.registry.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.registry.command.WorkerRegistration;
import ru.frmr.registry.consumer.KafkaTestEvents;

/**
 * axon-mongo tracks the event store by timestamp. An event stamped earlier than one the relay already
 * published (a slow commit, or a replica whose clock lags) must still be published: the look-back window
 * ({@code frmr.axon.look-back}) covers it. With axon-mongo's default of one second this test fails. The in-process
 * broker and Mongo wire server ({@link RelayLateCommitIT}) and real mongo (replica set) and Kafka images
 * ({@link RelayLateCommitContainersIT}) run the same test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class RelayLateCommitContract {

    static final String DB = "registry_late_commit_it";

    @Autowired
    WorkerRegistration registration;

    @AfterEach
    void restoreClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void anEventStampedBeforeAnAlreadyPublishedOneIsStillPublished() {
        String first = registration.register("Сидоров", "Антон", null, LocalDate.of(1970, 1, 2), "000-000-600 06",
                "a@example.ru");
        awaitPublished(first, EventTypes.WORKER_REGISTERED);

        // A second writer whose clock is 10 s behind: its event sorts before the one already relayed.
        GenericEventMessage.clock = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-10));
        String late = registration.register("Петрова", "Анна", null, LocalDate.of(1971, 3, 4), "112-233-445 95",
                "b@example.ru");
        GenericEventMessage.clock = Clock.systemUTC();

        awaitPublished(late, EventTypes.WORKER_REGISTERED);
    }

    private static void awaitPublished(String subject, String type) {
        try (KafkaConsumer<String, byte[]> consumer = KafkaTestEvents.subscribe("late-commit-",
                Topics.REGISTRY_EVENTS)) {
            List<CloudEvent> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(KafkaMessageFactory.createReader(r).toEvent()));
                assertThat(seen).anySatisfy(e -> {
                    assertThat(e.getSubject()).isEqualTo(subject);
                    assertThat(e.getType()).isEqualTo(type);
                });
            });
        }
    }
}
