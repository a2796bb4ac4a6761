package ru.frmr.kit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class LegacyWorkerIdsTest {

    private static final String KEY = "local-only-worker-id-key-0123456789abcdef";

    /** The formula records were created with before registry numbers, written out: it must not drift. */
    @Test
    void computesTheIdsOfRecordsFromBeforeRegistryNumbersUnchanged() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = UUID.nameUUIDFromBytes(mac.doFinal("11223344595".getBytes(StandardCharsets.US_ASCII)))
                .toString();

        assertThat(new LegacyWorkerIds(KEY).idFor("11223344595")).isEqualTo(expected);
        assertThat(new LegacyWorkerIds(KEY).idFor("12345678964")).isNotEqualTo(expected);
    }

    @Test
    void refusesAShortKeyNamingThePropertyAndHidesTheKey() {
        assertThatThrownBy(() -> new LegacyWorkerIds("short")).hasMessageContaining(LegacyWorkerIds.PROPERTY);
        assertThat(new LegacyWorkerIds(KEY).toString()).doesNotContain(KEY);
    }
}
