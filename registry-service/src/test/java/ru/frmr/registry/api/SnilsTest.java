package ru.frmr.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SnilsTest {

    @ParameterizedTest
    @ValueSource(strings = {"112-233-445 95", "11223344595", "112-233-445-95", "000-000-600 06", " 112-233-445 95 "})
    void acceptsValidNumbers(String text) {
        assertThat(Snils.isValid(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"112-233-445 96", "1122334459", "112-233-445 9x", "", "abc", "112 233 445 95",
            "<script>alert(1)</script>"})
    void rejectsInvalidNumbers(String text) {
        assertThat(Snils.isValid(text)).isFalse();
    }

    @Test
    void rejectsNull() {
        assertThat(Snils.isValid(null)).isFalse();
    }

    @Test
    void checksumRulesAroundOneHundred() {
        // Weighted sums: 001019989 -> 100, 001019998 -> 101, 001019999 -> 102, 002999998 -> 202.
        assertThat(Snils.checksumMatches("00101998900")).isTrue();
        assertThat(Snils.checksumMatches("00101999800")).isTrue();
        assertThat(Snils.checksumMatches("00101999901")).isTrue();
        assertThat(Snils.checksumMatches("00299999800")).isTrue();
        assertThat(Snils.checksumMatches("00101998901")).isFalse();
        assertThat(Snils.checksumMatches("00101999900")).isFalse();
    }

    @Test
    void formatsAndMasks() {
        Snils snils = Snils.parse("11223344595").orElseThrow();
        assertThat(snils.formatted()).isEqualTo("112-233-445 95");
        assertThat(snils.digits()).isEqualTo("11223344595");
        assertThat(snils.masked()).isEqualTo("***-***-445 95");
        assertThat(snils.toString()).doesNotContain("112").doesNotContain("95");
    }
}
