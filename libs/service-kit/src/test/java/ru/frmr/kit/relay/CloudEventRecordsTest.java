package ru.frmr.kit.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.registry.ProfileSection;
import ru.frmr.contracts.registry.ProfileUpdated;

class CloudEventRecordsTest {

    @Test
    void binaryModeRecordKeyedBySubjectWithTraceHeaders() {
        ProfileUpdated event = new ProfileUpdated("w-9", List.of(ProfileSection.CONTACTS), 3,
                Instant.parse("2026-11-25T10:00:00Z"));
        var ce = CloudEventRecords.cloudEvent("evt-9", URI.create("/frmr/registry-service"),
                EventCatalog.of(ProfileUpdated.class), event, Instant.parse("2026-11-25T10:00:01Z"),
                Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                        "actor", "", "correlationid", "c-1"));
        ProducerRecord<String, byte[]> record = CloudEventRecords.record(Topics.REGISTRY_EVENTS, ce);

        assertThat(record.key()).isEqualTo("w-9");
        assertThat(header(record, "ce_id")).isEqualTo("evt-9");
        assertThat(header(record, "ce_type")).isEqualTo("ru.frmr.registry.ProfileUpdated.v1");
        assertThat(header(record, "ce_subject")).isEqualTo("w-9");
        assertThat(header(record, "ce_correlationid")).isEqualTo("c-1");
        assertThat(header(record, "traceparent")).startsWith("00-0af7651916cd43dd8448eb211c80319c");
        assertThat(record.headers().lastHeader("ce_actor")).as("blank extensions are left out").isNull();
        assertThat(ContractSchemas.violations("ru.frmr.registry.ProfileUpdated.v1", record.value())).isEmpty();
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
