package ru.frmr.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InnTest {

    /** The ESIA emulator's fixture people, and a well-known valid personal ИНН. */
    @ParameterizedTest
    @ValueSource(strings = {"770112345695", "770223456707", "770334567804", "770445678919", "500100732259",
            " 770112345695 "})
    void acceptsPersonalInnsWithBothCheckDigitsRight(String text) {
        assertThat(Inn.isValid(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "770112345685", // first check digit wrong
            "770112345696", // second check digit wrong
            "7707083893",   // a valid ИНН of an organisation (10 digits), not of a person
            "77011234569",
            "7701123456950",
            "77011234569X",
            "7701-1234-5695",
            "",
            "<script>alert(1)</script>"})
    void rejectsAnythingElse(String text) {
        assertThat(Inn.isValid(text)).isFalse();
    }

    @Test
    void rejectsNull() {
        assertThat(Inn.isValid(null)).isFalse();
    }

    @Test
    void keepsTheDigitsButNeverPrintsThem() {
        Inn inn = Inn.parse(" 770112345695 ").orElseThrow();
        assertThat(inn.digits()).isEqualTo("770112345695");
        assertThat(inn).isEqualTo(Inn.parse("770112345695").orElseThrow());
        assertThat(inn.toString()).doesNotContain("770112345695");
    }
}
