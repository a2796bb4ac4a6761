package ru.frmr.registry.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import ru.frmr.registry.api.AdditionalEducationKind;

/** The first editions of the postgraduate programmes and the additional education documents. */
class EducationDictionariesTest {

    private final ReferenceDictionaries dictionaries = new ReferenceDictionaries();

    @Test
    void residencyAndInternshipTrainForOrdinaturaSpecialtiesAndPostgraduateStudiesForNone() {
        PostgraduateProgram residency = dictionaries.postgraduateProgram("RESIDENCY").orElseThrow();
        assertThat(residency.name()).isEqualTo("Ординатура");
        assertThat(residency.trainsForSpecialty()).isTrue();
        assertThat(residency.trainsFor("31.08.36")).isTrue();
        assertThat(residency.trainsFor("31.05.01")).isFalse();
        assertThat(residency.trainsFor("3108.36")).isFalse();
        assertThat(dictionaries.postgraduateProgram("INTERNSHIP").orElseThrow().trainsForSpecialty()).isTrue();
        assertThat(dictionaries.postgraduateProgram("POSTGRADUATE").orElseThrow().trainsForSpecialty()).isFalse();
        assertThat(dictionaries.postgraduateProgram("DOCTORATE")).isEmpty();
        assertThat(dictionaries.postgraduateProgram(null)).isEmpty();
    }

    @Test
    void eachDocumentBelongsToOneKindOfProgrammeAndTheSvidetelstvoEndedIn2013() {
        assertThat(dictionaries.additionalEducationDocument("RETRAINING_DIPLOMA").orElseThrow().programKind())
                .isEqualTo(AdditionalEducationKind.PROFESSIONAL_RETRAINING);
        AdditionalEducationDocument upgrade = dictionaries
                .additionalEducationDocument("QUALIFICATION_UPGRADE_CERTIFICATE").orElseThrow();
        assertThat(upgrade.programKind()).isEqualTo(AdditionalEducationKind.QUALIFICATION_UPGRADE);
        assertThat(upgrade.issuableOn(LocalDate.of(2026, 1, 1))).isTrue();
        AdditionalEducationDocument testimonial = dictionaries
                .additionalEducationDocument("QUALIFICATION_UPGRADE_TESTIMONIAL").orElseThrow();
        assertThat(testimonial.issuableOn(LocalDate.of(2013, 8, 31))).isTrue();
        assertThat(testimonial.issuableOn(LocalDate.of(2013, 9, 1))).isFalse();
        assertThat(dictionaries.additionalEducationDocument("DIPLOMA")).isEmpty();
    }
}
