package ru.frmr.registry.command;

import java.time.LocalDate;

import ru.frmr.registry.api.AdditionalEducationEntry;
import ru.frmr.registry.api.AdditionalEducationKind;
import ru.frmr.registry.api.PostgraduateEducationEntry;

/** Valid postgraduate and additional education entries, and builders to break one field at a time. */
final class EducationEntryMother {

    private EducationEntryMother() {
    }

    /** Ординатура in cardiology, 2008–2010. */
    static Postgraduate residency() {
        return new Postgraduate();
    }

    /** A 36-hour повышение квалификации course in cardiology, February 2025. */
    static Additional qualificationUpgrade() {
        return new Additional();
    }

    /** A 576-hour профессиональная переподготовка in functional diagnostics, autumn 2024. */
    static Additional retraining() {
        return new Additional().kind(AdditionalEducationKind.PROFESSIONAL_RETRAINING)
                .courseName("Функциональная диагностика").hours(576).specialtyCode("31.08.12")
                .startDate(LocalDate.of(2024, 9, 2)).endDate(LocalDate.of(2024, 12, 20))
                .documentKind("RETRAINING_DIPLOMA").documentDate(LocalDate.of(2024, 12, 23));
    }

    static final class Postgraduate {
        private String programKind = "RESIDENCY";
        private String institution = "ПМГМУ им. И.М. Сеченова";
        private String specialtyCode = "31.08.36";
        private LocalDate startDate = LocalDate.of(2008, 9, 1);
        private LocalDate endDate = LocalDate.of(2010, 8, 31);
        private String documentSeries = "017704";
        private String documentNumber = "0001234";
        private LocalDate documentDate = LocalDate.of(2010, 8, 31);
        private String qualification = "Врач-кардиолог";

        Postgraduate programKind(String value) {
            programKind = value;
            return this;
        }

        Postgraduate institution(String value) {
            institution = value;
            return this;
        }

        Postgraduate specialtyCode(String value) {
            specialtyCode = value;
            return this;
        }

        Postgraduate startDate(LocalDate value) {
            startDate = value;
            return this;
        }

        Postgraduate endDate(LocalDate value) {
            endDate = value;
            return this;
        }

        Postgraduate documentSeries(String value) {
            documentSeries = value;
            return this;
        }

        Postgraduate documentNumber(String value) {
            documentNumber = value;
            return this;
        }

        Postgraduate documentDate(LocalDate value) {
            documentDate = value;
            return this;
        }

        Postgraduate qualification(String value) {
            qualification = value;
            return this;
        }

        PostgraduateEducationEntry build() {
            return new PostgraduateEducationEntry(programKind, institution, specialtyCode, startDate, endDate,
                    documentSeries, documentNumber, documentDate, qualification);
        }
    }

    static final class Additional {
        private AdditionalEducationKind kind = AdditionalEducationKind.QUALIFICATION_UPGRADE;
        private String courseName = "Актуальные вопросы кардиологии";
        private Integer hours = 36;
        private String institution = "РМАНПО";
        private String specialtyCode = "31.08.36";
        private LocalDate startDate = LocalDate.of(2025, 2, 3);
        private LocalDate endDate = LocalDate.of(2025, 2, 8);
        private String documentKind = "QUALIFICATION_UPGRADE_CERTIFICATE";
        private String documentSeries = "772400";
        private String documentNumber = "0012345";
        private LocalDate documentDate = LocalDate.of(2025, 2, 8);

        Additional kind(AdditionalEducationKind value) {
            kind = value;
            return this;
        }

        Additional courseName(String value) {
            courseName = value;
            return this;
        }

        Additional hours(Integer value) {
            hours = value;
            return this;
        }

        Additional institution(String value) {
            institution = value;
            return this;
        }

        Additional specialtyCode(String value) {
            specialtyCode = value;
            return this;
        }

        Additional startDate(LocalDate value) {
            startDate = value;
            return this;
        }

        Additional endDate(LocalDate value) {
            endDate = value;
            return this;
        }

        Additional documentKind(String value) {
            documentKind = value;
            return this;
        }

        Additional documentSeries(String value) {
            documentSeries = value;
            return this;
        }

        Additional documentNumber(String value) {
            documentNumber = value;
            return this;
        }

        Additional documentDate(LocalDate value) {
            documentDate = value;
            return this;
        }

        AdditionalEducationEntry build() {
            return new AdditionalEducationEntry(kind, courseName, hours, institution, specialtyCode, startDate,
                    endDate, documentKind, documentSeries, documentNumber, documentDate);
        }
    }
}
