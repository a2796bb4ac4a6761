package ru.frmr.audit.ledger.checkpoint;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.springframework.kafka.core.KafkaTemplate;

import ru.frmr.contracts.Topics;
import ru.frmr.kit.deadline.DueItems;
import ru.frmr.kit.relay.CloudEventRecords;

/**
 * Sends the checkpoints Kafka has not acknowledged yet to {@value Topics#AUDIT_CHECKPOINTS}, oldest first, and marks
 * each published only after the broker acknowledged it (acks=all): at least once, a crash in between sends it again.
 * The record's value is the signed note itself ({@code text/plain}), its key the tree size, its CloudEvents type
 * {@value #TYPE} (binary mode: the envelope in headers), its id derived from origin and size so a resend has the
 * same id.
 */
class CheckpointPublisher implements DueItems<StoredCheckpoint> {

    static final String TYPE = "ru.frmr.audit.checkpoint";
    static final URI SOURCE = URI.create("/frmr/audit-service");
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final Checkpoints checkpoints;
    private final KafkaTemplate<String, byte[]> kafka;
    private final String origin;

    CheckpointPublisher(Checkpoints checkpoints, KafkaTemplate<String, byte[]> kafka, String origin) {
        this.checkpoints = checkpoints;
        this.kafka = kafka;
        this.origin = origin;
    }

    @Override
    public List<StoredCheckpoint> due(Instant now, Set<String> passOver, int batch) {
        // One at a time, the oldest first: the sweeper asks again after each one, and one that failed (passed over)
        // holds back the later ones until the next sweep, so none is marked published while an older one is not
        // (the next sweep starts above the newest acknowledged one).
        return passOver.isEmpty() ? checkpoints.unpublished(1) : List.of();
    }

    @Override
    public String id(StoredCheckpoint checkpoint) {
        return Long.toString(checkpoint.treeSize());
    }

    @Override
    public boolean settle(StoredCheckpoint checkpoint, Instant now) {
        try {
            kafka.send(CloudEventRecords.record(Topics.AUDIT_CHECKPOINTS, event(checkpoint)))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing a checkpoint", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge checkpoint " + checkpoint.treeSize(), e);
        }
        checkpoints.markPublished(checkpoint.treeSize(), now);
        return true;
    }

    CloudEvent event(StoredCheckpoint checkpoint) {
        String id = UUID.nameUUIDFromBytes((origin + "/" + checkpoint.treeSize()).getBytes(StandardCharsets.UTF_8))
                .toString();
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(SOURCE)
                .withType(TYPE)
                .withSubject(Long.toString(checkpoint.treeSize()))
                .withTime(checkpoint.createdAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("text/plain; charset=utf-8")
                .withData(checkpoint.note().getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
