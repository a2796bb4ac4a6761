package ru.frmr.audit.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import ru.frmr.audit.ledger.AuditedEvent;
import ru.frmr.contracts.Topics;
import ru.frmr.kit.consumer.ReceivedEvent;

class LedgerEventHandlerTest {

    @Test
    void recordsTheEnvelopeAndOnlyADigestOfThePayload() {
        byte[] data = "{\"workerId\":\"w-1\"}".getBytes(StandardCharsets.UTF_8);
        ReceivedEvent received = new ReceivedEvent("e-1", "ru.frmr.registry.ProfileUpdated.v1",
                URI.create("/frmr/registry-service"), "w-1", OffsetDateTime.parse("2025-03-01T13:00:00.123456+03:00"),
                "actor-1", "00-abc-def-01", "corr-1", data, Topics.PUBLIC_EVENTS, 2, 41);

        assertThat(LedgerEventHandler.toAudited(received)).isEqualTo(new AuditedEvent("e-1",
                "ru.frmr.registry.ProfileUpdated.v1", "/frmr/registry-service", "w-1",
                Instant.parse("2025-03-01T10:00:00.123Z"), "actor-1", Topics.PUBLIC_EVENTS,
                "bb796f08406354ec40cbe1b3f7297c9346d3615c46c6f56d52b189afd7d2cdc4"));
    }

    @Test
    void eventWithoutTimeIsRecordedWithoutTime() {
        ReceivedEvent received = new ReceivedEvent("e-2", "t", URI.create("/s"), null, null, null, null, null,
                new byte[0], Topics.AUTH_EVENTS, 0, 0);

        assertThat(LedgerEventHandler.toAudited(received).time()).isNull();
    }
}
