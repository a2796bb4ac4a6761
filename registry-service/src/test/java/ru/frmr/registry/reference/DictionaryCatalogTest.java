package ru.frmr.registry.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.frmr.registry.api.AccreditationKind;
import ru.frmr.registry.api.AdditionalEducationKind;
import ru.frmr.registry.api.EmploymentContractKind;
import ru.frmr.registry.api.QualificationCategory;

class DictionaryCatalogTest {

    private final DictionaryCatalog catalog = new DictionaryCatalog();
    private final ReferenceDictionaries reference = new ReferenceDictionaries();
    private final EmploymentDictionaries employment = new EmploymentDictionaries();

    @Test
    void publishesEveryListAFormOffers() {
        assertThat(catalog.all()).extracting(DictionaryCatalog.Dictionary::name).containsExactly(
                "specialties", "education-levels", "document-kinds", "postgraduate-programs",
                "additional-education-documents", "positions", "regions", "accreditation-kinds",
                "additional-education-kinds", "qualification-categories", "employment-contract-kinds");
        assertThat(catalog.all()).allSatisfy(d -> {
            assertThat(d.version()).isEqualTo(1);
            assertThat(d.items()).isNotEmpty();
            assertThat(d.items()).allSatisfy(i -> assertThat(i.name()).isNotBlank());
        });
    }

    @Test
    void offersExactlyTheCodesTheRecordAccepts() {
        assertThat(codes("specialties")).allMatch(reference::isSpecialty);
        assertThat(codes("education-levels")).allMatch(reference::isEducationLevel);
        assertThat(codes("document-kinds")).allMatch(reference::isDocumentKind);
        assertThat(codes("postgraduate-programs")).allMatch(c -> reference.postgraduateProgram(c).isPresent());
        assertThat(codes("additional-education-documents"))
                .allMatch(c -> reference.additionalEducationDocument(c).isPresent());
        assertThat(codes("positions")).allMatch(employment::isPosition);
        assertThat(codes("regions")).containsExactlyElementsOf(employment.regionCodes());
    }

    @Test
    void namesEveryValueOfTheRecordsEnumsAndNothingElse() {
        assertThat(codes("accreditation-kinds")).containsExactlyElementsOf(names(AccreditationKind.values()));
        assertThat(codes("additional-education-kinds"))
                .containsExactlyElementsOf(names(AdditionalEducationKind.values()));
        assertThat(codes("qualification-categories"))
                .containsExactlyElementsOf(names(QualificationCategory.values()));
        assertThat(codes("employment-contract-kinds"))
                .containsExactlyElementsOf(names(EmploymentContractKind.values()));
    }

    @ParameterizedTest
    @CsvSource({
            "accreditation-kinds, PERIODIC, Периодическая аккредитация",
            "qualification-categories, HIGHEST, Высшая квалификационная категория",
            "employment-contract-kinds, EXTERNAL_PART_TIME, Внешнее совместительство",
            "additional-education-kinds, PROFESSIONAL_RETRAINING, Профессиональная переподготовка",
            "specialties, 31.08.36, Кардиология"})
    void namesAreRussian(String dictionary, String code, String name) {
        assertThat(catalog.byName(dictionary).orElseThrow().items())
                .filteredOn(i -> i.code().equals(code)).extracting(DictionaryCatalog.Item::name).containsExactly(name);
    }

    @Test
    void keepsWhatElseAnEntrySaysAsAttributesAndLeavesNullsOut() {
        DictionaryCatalog.Item testimonial = item("additional-education-documents", "QUALIFICATION_UPGRADE_TESTIMONIAL");
        assertThat(testimonial.attributes()).containsEntry("programKind", "QUALIFICATION_UPGRADE")
                .containsEntry("issuedUntil", "2013-08-31");
        assertThat(item("postgraduate-programs", "POSTGRADUATE").attributes()).isEmpty();
        assertThat(item("postgraduate-programs", "RESIDENCY").attributes()).containsEntry("specialtyLevel", "08");
        assertThat(item("specialties", "31.08.36").attributes()).isEmpty();
    }

    @Test
    void eachEditionHasItsOwnTagAndUnknownNamesNone() {
        assertThat(catalog.all()).extracting(DictionaryCatalog.Dictionary::tag).doesNotHaveDuplicates()
                .allMatch(tag -> tag.matches("[a-z-]+-v1-[0-9a-f]{16}"));
        assertThat(new DictionaryCatalog().byName("specialties").orElseThrow().tag())
                .isEqualTo(catalog.byName("specialties").orElseThrow().tag());
        assertThat(catalog.byName("passports")).isEmpty();
    }

    private List<String> codes(String dictionary) {
        return catalog.byName(dictionary).orElseThrow().items().stream().map(DictionaryCatalog.Item::code).toList();
    }

    private DictionaryCatalog.Item item(String dictionary, String code) {
        return catalog.byName(dictionary).orElseThrow().items().stream().filter(i -> i.code().equals(code))
                .findFirst().orElseThrow();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
