package ru.frmr.kit.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.kit.error.ConflictException;
import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.kit.error.NotFoundException;

/** Replays against real tracking processors on an in-memory event store. */
class ProjectionReplaysTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final Projection projection = new Projection();
    private final Notifier notifier = new Notifier();
    private TrackingEventProcessor projectionProcessor;
    private TrackingEventProcessor notifierProcessor;
    private TrackingEventProcessor relay;
    private ProjectionReplays replays;

    @BeforeEach
    void start() {
        projectionProcessor = processor("names", projection);
        notifierProcessor = processor("notifier", notifier);
        relay = processor("relay", new Projection());
        replays = new ProjectionReplays(() -> Map.<String, EventProcessor>of("names", projectionProcessor,
                "notifier", notifierProcessor, "relay", relay), Map.of("relay", "it publishes"));
        projectionProcessor.start();
        notifierProcessor.start();
        store.publish(GenericEventMessage.asEventMessage("anna"), GenericEventMessage.asEventMessage("boris"),
                GenericEventMessage.asEventMessage("vera"));
        await().atMost(Duration.ofSeconds(10)).until(() -> projection.names.size() == 3);
    }

    @AfterEach
    void stop() {
        projectionProcessor.shutDown();
        notifierProcessor.shutDown();
        relay.shutDown();
        store.shutDown();
    }

    @Test
    void aReplayClearsTheProjectionAndRebuildsItFromTheFirstEvent() {
        projection.names.set(1, "corrupted");

        ProcessorStatus status = replays.replay("names");

        assertThat(status.name()).isEqualTo("names");
        assertThat(status.running()).isTrue();
        assertThat(projection.resets).hasValue(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> projection.names.size() == 3);
        assertThat(projection.names).containsExactly("anna", "boris", "vera");
        await().atMost(Duration.ofSeconds(10)).until(() -> replays.list().get(0).caughtUp());
    }

    @Test
    void replayingTwiceInARowGivesTheSameProjection() {
        replays.replay("names");
        replays.replay("names");

        assertThat(projection.resets).hasValue(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> projection.names.size() >= 3
                && !projectionProcessor.isReplaying());
        assertThat(projection.names).containsExactly("anna", "boris", "vera");
    }

    @Test
    void aHandlerWithoutResetHandlerIsNeverReplayed() {
        assertThatThrownBy(() -> replays.replay("notifier"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("notifier").hasMessageContaining("Notifier")
                .satisfies(e -> assertThat(((ConflictException) e).field()).isEqualTo("name"));
        assertThat(notifier.sent).hasSize(3);
        assertThat(notifierProcessor.isRunning()).isTrue();
    }

    @Test
    void aProcessorNamedAsNeverReplayedIsRefusedWithItsReason() {
        assertThatThrownBy(() -> replays.replay("relay"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Processor relay must not be replayed: it publishes");
    }

    @Test
    void unknownAndMalformedNamesAreRefused() {
        assertThatThrownBy(() -> replays.replay("nothing")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("nothing");
        assertThatThrownBy(() -> replays.replay("bad name\n")).isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo("name"));
    }

    @Test
    void aStoppedProcessorIsResetButStaysStopped() {
        replays.replay("names");
        projectionProcessor.shutDown();
        int resets = projection.resets.get();

        ProcessorStatus status = replays.replay("names");

        assertThat(status.running()).isFalse();
        assertThat(projection.resets).hasValue(resets + 1);
        assertThat(projection.names).isEmpty();
    }

    @Test
    void theListShowsEveryProcessorWithWhetherItMayBeReplayed() {
        List<ProcessorStatus> list = replays.list();

        assertThat(list).extracting(ProcessorStatus::name).containsExactly("names", "notifier", "relay");
        assertThat(list).extracting(ProcessorStatus::replayable).containsExactly(true, false, false);
        assertThat(list).extracting(ProcessorStatus::running).containsExactly(true, true, false);
        assertThat(list.get(0).notReplayable()).isNull();
        assertThat(list.get(0).segments()).singleElement()
                .satisfies(segment -> assertThat(segment.segment()).isZero());
    }

    private TrackingEventProcessor processor(String name, Object handler) {
        return TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(store)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing())
                .build();
    }

    static class Projection {
        final List<String> names = new CopyOnWriteArrayList<>();
        final AtomicInteger resets = new AtomicInteger();

        @EventHandler
        void on(String name) {
            names.add(name);
        }

        @ResetHandler
        void reset() {
            resets.incrementAndGet();
            names.clear();
        }
    }

    static class Notifier {
        final List<String> sent = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(String name) {
            sent.add(name);
        }
    }
}
