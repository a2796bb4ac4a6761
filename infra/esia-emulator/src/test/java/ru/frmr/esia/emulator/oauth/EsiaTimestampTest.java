package ru.frmr.esia.emulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class EsiaTimestampTest {

    @Test
    void readsEsiasFormatWithItsOffset() {
        assertThat(EsiaTimestamp.parse("2026.11.25 10:15:30 +0300")).contains(Instant.parse("2026-11-25T07:15:30Z"));
    }

    @Test
    void rejectsOtherFormatsAndAPlusSignDecodedAsSpace() {
        assertThat(EsiaTimestamp.parse("2026-11-25 10:15:30 +0300")).isEmpty();
        assertThat(EsiaTimestamp.parse("2026.11.25 10:15:30  0300")).isEmpty();
        assertThat(EsiaTimestamp.parse("2026.02.30 10:15:30 +0300")).isEmpty();
    }
}
