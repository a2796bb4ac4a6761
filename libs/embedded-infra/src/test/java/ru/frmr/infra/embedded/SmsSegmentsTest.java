package ru.frmr.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void latinTextIsGsm7With160InOnePartAnd153PerPart() {
        assertThat(SmsSegments.encoding("Code 123456")).isEqualTo(SmsSegments.Encoding.GSM7);
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(306))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void extensionCharactersCountTwice() {
        assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(2);
    }

    @Test
    void cyrillicIsUcs2With70InOnePartAnd67PerPart() {
        assertThat(SmsSegments.encoding("Срок аккредитации")).isEqualTo(SmsSegments.Encoding.UCS2);
        assertThat(SmsSegments.count("я".repeat(70))).isEqualTo(1);
        assertThat(SmsSegments.count("я".repeat(71))).isEqualTo(2);
        assertThat(SmsSegments.count("я".repeat(134))).isEqualTo(2);
        assertThat(SmsSegments.count("я".repeat(135))).isEqualTo(3);
        // One Cyrillic letter turns a Latin text into UCS-2.
        assertThat(SmsSegments.count("a".repeat(70) + "я")).isEqualTo(2);
    }
}
