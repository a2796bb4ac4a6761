package ru.frmr.kit.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.infra.embedded.EmbeddedMongo;
import ru.frmr.infra.embedded.MutableClock;
import ru.frmr.kit.relay.KafkaRelay;

/** The lag gauges over the Mongo wire server's event collection, with processors whose positions the test sets. */
class ProcessorLagGaugesTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private static EmbeddedMongo server;
    private static MongoClient client;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(T0.plusSeconds(3600));
    private final Map<Integer, EventTrackerStatus> relaySegments = new HashMap<>();
    private final Map<Integer, EventTrackerStatus> projectionSegments = new HashMap<>();
    private MongoCollection<Document> events;

    @BeforeAll
    static void startMongo() {
        server = EmbeddedMongo.inMemory();
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.close();
    }

    @BeforeEach
    void setUp() {
        events = client.getDatabase("lag_" + UUID.randomUUID().toString().substring(0, 8)).getCollection("domainevents");
        Map<String, EventProcessor> processors = Map.of(
                KafkaRelay.PROCESSING_GROUP, processor(KafkaRelay.PROCESSING_GROUP, relaySegments),
                "worker-views", processor("worker-views", projectionSegments),
                "subscribing", mock(EventProcessor.class));
        new ProcessorLagGauges(events, clock).register(() -> processors, registry);
    }

    @Test
    void oneGaugePerStreamingProcessorAndTheRelaysOwn() {
        assertThat(registry.find(ProcessorLagGauges.PROCESSOR_LAG).gauges())
                .extracting(g -> g.getId().getTag("processor"))
                .containsExactlyInAnyOrder(KafkaRelay.PROCESSING_GROUP, "worker-views");
        assertThat(registry.get(ProcessorLagGauges.RELAY_LAG).gauge().getId().getBaseUnit()).isEqualTo("seconds");
    }

    @Test
    void nothingStoredIsNoLag() {
        relaySegments.put(0, segment(null));

        assertThat(relayLag()).isZero();
    }

    @Test
    void theLagIsTheNewestEventTimeMinusTheOldestSegmentPosition() {
        store(T0, T0.plusSeconds(10), T0.plusSeconds(60));
        relaySegments.put(0, segment(T0.plusSeconds(10)));
        projectionSegments.put(0, segment(T0.plusSeconds(60)));
        projectionSegments.put(1, segment(T0.plusSeconds(40)));

        assertThat(relayLag()).isEqualTo(50);
        assertThat(lagOf("worker-views")).as("the segment furthest behind").isEqualTo(20);
    }

    @Test
    void caughtUpIsZeroAndASegmentThatTookNothingYetIsBehindFromTheFirstEvent() {
        store(T0, T0.plusSeconds(30));
        relaySegments.put(0, segment(T0.plusSeconds(30)));
        projectionSegments.put(0, segment(null));

        assertThat(relayLag()).isZero();
        assertThat(lagOf("worker-views")).isEqualTo(30);
    }

    @Test
    void aProcessorWhoseSegmentsAnotherInstanceHoldsReportsNoLagHere() {
        store(T0, T0.plusSeconds(30));

        assertThat(lagOf("worker-views")).isZero();
    }

    @Test
    void theEventStoreIsReadAtMostOncePerCacheTime() {
        store(T0);
        relaySegments.put(0, segment(T0));
        assertThat(relayLag()).isZero();

        store(T0.plusSeconds(20));
        assertThat(relayLag()).as("the newest event time is cached").isZero();
        clock.advance(Duration.ofSeconds(5));
        assertThat(relayLag()).isEqualTo(20);
    }

    private double relayLag() {
        return registry.get(ProcessorLagGauges.RELAY_LAG).gauge().value();
    }

    private double lagOf(String processor) {
        return registry.get(ProcessorLagGauges.PROCESSOR_LAG).tag("processor", processor).gauge().value();
    }

    /** As axon-mongo stores them: the timestamp as ISO-8601 text. */
    private void store(Instant... times) {
        for (Instant time : times) {
            events.insertOne(new Document("eventIdentifier", UUID.randomUUID().toString())
                    .append("timestamp", time.toString()));
        }
    }

    private static StreamingEventProcessor processor(String name, Map<Integer, EventTrackerStatus> segments) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.getName()).thenReturn(name);
        when(processor.processingStatus()).thenReturn(segments);
        return processor;
    }

    private static EventTrackerStatus segment(Instant position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getTrackingToken()).thenReturn(position == null ? null
                : MongoTrackingToken.of(position, Map.of(UUID.randomUUID().toString(), position.toEpochMilli())));
        return status;
    }
}
