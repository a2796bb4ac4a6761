package ru.frmr.kit.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.registry.WorkerRegistered;
import ru.frmr.kit.relay.CloudEventRecords;

class IdempotentListenerTest {

    private final List<ReceivedEvent> handled = new ArrayList<>();
    private final ProcessedEvents processed = mock(ProcessedEvents.class);
    private final IntegrationEventHandler handler = new IntegrationEventHandler() {
        @Override
        public String consumerName() {
            return "test";
        }

        @Override
        public Collection<String> topics() {
            return List.of(Topics.REGISTRY_EVENTS);
        }

        @Override
        public void handle(ReceivedEvent event) {
            handled.add(event);
        }
    };
    private final IdempotentListener listener = new IdempotentListener(handler, processed, new SimpleMeterRegistry());

    @Test
    void theConsumersCountersStartAtZeroForEachOutcomeAndEachTopicItReads() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        IdempotentConsumerAutoConfiguration.registerMeters(meters, handler);

        assertThat(meters.find(IdempotentListener.EVENTS).tag("consumer", "test").counters())
                .extracting(c -> c.getId().getTag("outcome"), c -> c.count())
                .containsExactlyInAnyOrder(tuple("applied", 0.0),
                        tuple("duplicate", 0.0));
        assertThat(meters.get(IdempotentConsumerAutoConfiguration.DEAD_LETTERED).tag("consumer", "test")
                .tag("topic", Topics.REGISTRY_EVENTS).counter().count()).isZero();
    }

    @Test
    void decodesHandlesAndMarksANewEvent() {
        ConsumerRecord<String, byte[]> record = record("evt-1");
        listener.onMessage(record);

        assertThat(handled).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("evt-1");
            assertThat(e.type()).isEqualTo("ru.frmr.registry.WorkerRegistered.v1");
            assertThat(e.subject()).isEqualTo("w-1");
            assertThat(e.actor()).isEqualTo("anonymous");
            assertThat(e.traceparent()).startsWith("00-");
            assertThat(new String(e.data())).contains("\"workerId\":\"w-1\"");
        });
        verify(processed).markProcessed(eq("test"), any());
    }

    @Test
    void skipsAnEventAlreadyProcessed() {
        when(processed.contains("test", "evt-1")).thenReturn(true);
        listener.onMessage(record("evt-1"));
        assertThat(handled).isEmpty();
        verify(processed, never()).markProcessed(any(), any());
    }

    @Test
    void aSelfDeduplicatingHandlerGetsEveryDeliveryAndNoRecordIsKept() {
        List<String> seen = new ArrayList<>();
        IdempotentListener selfDeduplicating = new IdempotentListener(new IntegrationEventHandler() {
            @Override
            public String consumerName() {
                return "ledger";
            }

            @Override
            public Collection<String> topics() {
                return List.of(Topics.REGISTRY_EVENTS);
            }

            @Override
            public void handle(ReceivedEvent event) {
                seen.add(event.id());
            }

            @Override
            public boolean deduplicatesByEventId() {
                return true;
            }
        }, processed, new SimpleMeterRegistry());
        selfDeduplicating.onMessage(record("evt-3"));
        selfDeduplicating.onMessage(record("evt-3"));
        assertThat(seen).containsExactly("evt-3", "evt-3");
        verify(processed, never()).contains(any(), any());
        verify(processed, never()).markProcessed(any(), any());
    }

    @Test
    void aRecordThatIsNoCloudEventIsPoison() {
        ConsumerRecord<String, byte[]> garbage = new ConsumerRecord<>(Topics.REGISTRY_EVENTS, 0, 7, "k",
                "not a cloud event".getBytes());
        assertThatThrownBy(() -> listener.onMessage(garbage)).isInstanceOf(PoisonEventException.class)
                .hasMessageNotContaining("not a cloud event");
        assertThat(handled).isEmpty();
    }

    @Test
    void aHandlerFailureLeavesTheEventUnmarkedForRetry() {
        IdempotentListener failing = new IdempotentListener(new IntegrationEventHandler() {
            @Override
            public String consumerName() {
                return "test";
            }

            @Override
            public Collection<String> topics() {
                return List.of(Topics.REGISTRY_EVENTS);
            }

            @Override
            public void handle(ReceivedEvent event) {
                throw new IllegalStateException("store down");
            }
        }, processed, new SimpleMeterRegistry());
        assertThatThrownBy(() -> failing.onMessage(record("evt-2"))).isInstanceOf(IllegalStateException.class);
        verify(processed, never()).markProcessed(any(), any());
    }

    private static ConsumerRecord<String, byte[]> record(String id) {
        WorkerRegistered event = new WorkerRegistered("w-1", "Иванова", "Мария", null, Instant.EPOCH);
        var ce = CloudEventRecords.cloudEvent(id, URI.create("/frmr/test"), EventCatalog.of(WorkerRegistered.class),
                event, Instant.EPOCH, Map.of("actor", "anonymous",
                        "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        ProducerRecord<String, byte[]> out = CloudEventRecords.record(Topics.REGISTRY_EVENTS, ce);
        ConsumerRecord<String, byte[]> in = new ConsumerRecord<>(out.topic(), 0, 0, out.key(), out.value());
        out.headers().forEach(h -> in.headers().add(h));
        return in;
    }
}
