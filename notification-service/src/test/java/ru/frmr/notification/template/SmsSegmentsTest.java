package ru.frmr.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void gsm7TextTakes160SeptetsInOnePartAnd153PerPartWhenSplit() {
        assertThat(SmsSegments.isGsm7("Hello, world! @£$")).isTrue();
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(306))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void extensionTableCharactersTakeTwoSeptetsAndAreNotSplit() {
        assertThat(SmsSegments.isGsm7("[x]€")).isTrue();
        assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(2);
        // 152 septets, then a two-septet character that does not fit the first part's 153.
        assertThat(SmsSegments.count("a".repeat(152) + "€" + "a".repeat(10))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(152) + "€" + "a".repeat(152))).isEqualTo(3);
    }

    @Test
    void cyrillicMakesTheWholeTextUcs2With70InOnePartAnd67PerPart() {
        assertThat(SmsSegments.isGsm7("Привет")).isFalse();
        assertThat(SmsSegments.count("Ж".repeat(70))).isEqualTo(1);
        assertThat(SmsSegments.count("Ж".repeat(71))).isEqualTo(2);
        assertThat(SmsSegments.count("Ж".repeat(134))).isEqualTo(2);
        assertThat(SmsSegments.count("Ж".repeat(135))).isEqualTo(3);
        assertThat(SmsSegments.count("abc" + "Ж")).isEqualTo(1);
    }

    @Test
    void aSurrogatePairTakesTwoUnitsAndStaysWhole() {
        String smile = "\uD83D\uDE00";
        assertThat(SmsSegments.count(smile.repeat(35))).isEqualTo(1);
        assertThat(SmsSegments.count("Ж".repeat(66) + smile + "Ж".repeat(3))).isEqualTo(2);
        assertThat(SmsSegments.count("Ж".repeat(66) + smile + "Ж".repeat(66))).isEqualTo(3);
    }
}
