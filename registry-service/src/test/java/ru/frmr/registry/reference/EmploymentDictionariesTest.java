package ru.frmr.registry.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmploymentDictionariesTest {

    private final EmploymentDictionaries dictionaries = new EmploymentDictionaries();

    @Test
    void knowsTheCuratedPositionsOfFirstEdition() {
        assertThat(dictionaries.isPosition("THERAPIST")).isTrue();
        assertThat(dictionaries.positionName("NURSE")).hasValue("Медицинская сестра");
        assertThat(dictionaries.isPosition("therapist")).isFalse();
        assertThat(dictionaries.isPosition(null)).isFalse();
        assertThat(dictionaries.positionName("ASTRONAUT")).isEmpty();
    }

    @Test
    void knowsTheEightyFiveSubjectsOfFirstEditionByTwoDigitCode() {
        assertThat(dictionaries.regionCodes()).hasSize(85).allMatch(code -> code.matches("\\d{2}"));
        assertThat(dictionaries.regionName("77")).hasValue("Москва");
        assertThat(dictionaries.regionName("50")).hasValue("Московская область");
        assertThat(dictionaries.regionName("92")).hasValue("Севастополь");
        assertThat(dictionaries.isRegion("7")).isFalse();
        assertThat(dictionaries.isRegion("80")).as("merged into Забайкальский край in 2008").isFalse();
        assertThat(dictionaries.isRegion(null)).isFalse();
    }
}
