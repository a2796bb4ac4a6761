package ru.frmr.documents.certificate.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ru.frmr.contracts.documents.CertificateType;
import ru.frmr.contracts.registry.ProfessionalEntry;
import ru.frmr.documents.certificate.person.KnownEmployment;
import ru.frmr.documents.certificate.person.KnownEntry;
import ru.frmr.documents.certificate.person.PersonSnapshot;
import ru.frmr.documents.pdf.CertificateContent;
import ru.frmr.documents.pdf.CertificateSection;

class CertificateContentFactoryTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 11, 25);
    private static final LocalDate VALID_UNTIL = ISSUED.plusDays(30);
    private static final String NUMBER = "7KQ2M9TXB4HD1R8W";
    private static final String URL = "https://frmr.example/verify/7KQ2-M9TX-B4HD-1R8W";

    private final CertificateContentFactory factory = new CertificateContentFactory(new CertificateDictionaries());

    private static PersonSnapshot ivanova(List<KnownEmployment> employments, List<KnownEntry> entries) {
        return new PersonSnapshot("w-1", Optional.of("Иванова"), Optional.of("Мария"), Optional.of("Петровна"),
                Optional.empty(), false, employments, entries);
    }

    private static KnownEmployment therapistSince2020() {
        return new KnownEmployment("emp-1", "w-1", "org-5", "ГБУЗ «Городская клиническая больница № 1»", null,
                "THERAPIST", "1.0", "MAIN", LocalDate.of(2020, 3, 1), null, 1);
    }

    private IssueDraft draft(PersonSnapshot person, CertificateType type) {
        return factory.draft(person, type, NUMBER, "по месту требования", ISSUED, VALID_UNTIL, URL);
    }

    @Test
    void anEmploymentHistoryNamesThePositionAndContractKindInRussian() {
        CertificateContent content = draft(ivanova(List.of(therapistSince2020()), List.of()),
                CertificateType.EMPLOYMENT_HISTORY).content().orElseThrow();
        assertThat(content.title()).isEqualTo("Справка о трудовой деятельности (стаже) медицинского работника");
        assertThat(content.number()).isEqualTo("7KQ2-M9TX-B4HD-1R8W");
        assertThat(content.holderFullName()).isEqualTo("Иванова Мария Петровна");
        assertThat(content.registryNumber()).isEqualTo("w-1");
        assertThat(content.verificationUrl()).isEqualTo(URL);
        assertThat(content.issueDate()).isEqualTo(ISSUED);
        assertThat(content.validUntil()).isEqualTo(VALID_UNTIL);
        List<String> row = content.sections().get(0).rows().get(0);
        assertThat(row.get(0)).isEqualTo("ГБУЗ «Городская клиническая больница № 1»");
        assertThat(row.get(1)).isEqualTo("Врач-терапевт");
        assertThat(row.get(3)).isEqualTo("Основное место работы");
        assertThat(row.get(4)).isEqualTo("с 01.03.2020 по настоящее время");
    }

    @Test
    void aQualificationNamesSpecialtiesAndKindsFromTheDictionariesSectionBySection() {
        KnownEntry diploma = new KnownEntry("w-1/e-1", "w-1", "e-1", "EDUCATION", new ProfessionalEntry("EDUCATION",
                "DIPLOMA", null, "ПМГМУ им. И.М. Сеченова", "31.05.01", "Врач-лечебник", null, "107704",
                "0012345", LocalDate.of(2012, 6, 30), null, null, null), false, 3);
        KnownEntry category = new KnownEntry("w-1/e-2", "w-1", "e-2", "QUALIFICATION_CATEGORIES",
                new ProfessionalEntry("QUALIFICATION_CATEGORIES", "HIGHEST", null, null, "31.05.01", null, null, null,
                        null, null, LocalDate.of(2024, 1, 15), LocalDate.of(2029, 1, 14), null), false, 4);
        CertificateContent content = draft(ivanova(List.of(), List.of(category, diploma)),
                CertificateType.QUALIFICATION).content().orElseThrow();
        assertThat(content.sections()).extracting(CertificateSection::heading)
                .containsExactly("Образование", "Квалификационные категории");
        List<String> diplomaRow = content.sections().get(0).rows().get(0);
        assertThat(diplomaRow.get(0)).isEqualTo("Диплом");
        assertThat(diplomaRow.get(1)).isEqualTo("Лечебное дело");
        assertThat(diplomaRow.get(3)).isEqualTo("серия 107704 № 0012345 от 30.06.2012");
        List<String> categoryRow = content.sections().get(1).rows().get(0);
        assertThat(categoryRow.get(0)).isEqualTo("Высшая квалификационная категория");
        assertThat(categoryRow.get(4)).isEqualTo("с 15.01.2024 по 14.01.2029");
    }

    @Test
    void nothingToCertifyIsARefusalInRussian() {
        assertThat(draft(ivanova(List.of(), List.of()), CertificateType.QUALIFICATION).refusal())
                .contains(CertificateContentFactory.NO_QUALIFICATION);
        assertThat(draft(ivanova(List.of(), List.of()), CertificateType.EMPLOYMENT_HISTORY).refusal())
                .contains(CertificateContentFactory.NO_EMPLOYMENT);
        PersonSnapshot unknown = new PersonSnapshot("w-2", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, List.of(), List.of());
        assertThat(draft(unknown, CertificateType.REGISTER_EXTRACT).refusal())
                .contains(CertificateContentFactory.NOT_IN_REGISTER);
        PersonSnapshot erased = new PersonSnapshot("w-3", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), true, List.of(), List.of());
        assertThat(draft(erased, CertificateType.EMPLOYMENT_HISTORY).refusal())
                .contains(CertificateContentFactory.NOT_IN_REGISTER);
    }

    @Test
    void anExtractShowsTheHolderEvenWithoutSpecialtiesOrWork() {
        CertificateContent content = draft(ivanova(List.of(), List.of()), CertificateType.REGISTER_EXTRACT)
                .content().orElseThrow();
        assertThat(content.title()).isEqualTo("Выписка из Федерального регистра медицинских работников");
        assertThat(content.sections().get(0).rows()).contains(List.of("Фамилия, имя, отчество",
                "Иванова Мария Петровна"));
        assertThat(content.sections().get(1).rows()).isEmpty();
        assertThat(content.sections().get(1).emptyText()).isEqualTo("Сведений нет");
    }

    @Test
    void theHolderIsMaskedAsSurnameAndInitials() {
        assertThat(ivanova(List.of(), List.of()).maskedName()).contains("Иванова М. П.");
        assertThat(new PersonSnapshot("w-1", Optional.of("Ким"), Optional.of("Анна"), Optional.empty(),
                Optional.empty(), false, List.of(), List.of()).maskedName()).contains("Ким А.");
    }
}
