package ru.frmr.registry.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceDictionariesTest {

    private final ReferenceDictionaries dictionaries = new ReferenceDictionaries();

    @Test
    void knowsTheCuratedSpecialtiesOfFirstEdition() {
        assertThat(dictionaries.isSpecialty("31.08.49")).isTrue();
        assertThat(dictionaries.isSpecialty("31.08.36")).isTrue();
        assertThat(dictionaries.isSpecialty("34.02.01")).isTrue();
        assertThat(dictionaries.isSpecialty("99.99.99")).isFalse();
        assertThat(dictionaries.isSpecialty(null)).isFalse();
    }

    @Test
    void knowsEducationLevelsAndDocumentKinds() {
        assertThat(dictionaries.isEducationLevel("HIGHER_RESIDENCY")).isTrue();
        assertThat(dictionaries.isEducationLevel("31.08.49")).isFalse();
        assertThat(dictionaries.isDocumentKind("DIPLOMA")).isTrue();
        assertThat(dictionaries.isDocumentKind("PASSPORT")).isFalse();
    }
}
