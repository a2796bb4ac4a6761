package ru.frmr.portal.web.profile;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The six sections of the professional record as the portal shows them: each section's Russian title, the address
 * part of its pages ({@code /profile/accreditation/…}) and the fields of its entries in the order the registry
 * defines them (registry-service's {@code api/*Entry} records), each with its label and, for a code, the registry
 * dictionary that names it (the dictionaries EntryRules checks the codes against).
 */
enum RecordLayout {

    EDUCATION("Образование", "Профессиональное образование", true, List.of(
            Field.text("institution", "Образовательная организация"),
            Field.code("documentKind", "Вид документа", "document-kinds"),
            Field.text("diplomaSeries", "Серия диплома"),
            Field.text("diplomaNumber", "Номер диплома"),
            Field.date("diplomaDate", "Дата выдачи диплома"),
            Field.code("specialtyCode", "Специальность", "specialties"),
            Field.text("qualification", "Квалификация"),
            Field.code("levelCode", "Уровень образования", "education-levels"))),

    POSTGRADUATE_EDUCATION("Послевузовское образование", "Интернатура, ординатура, аспирантура", false, List.of(
            Field.code("programKind", "Программа", "postgraduate-programs"),
            Field.text("institution", "Образовательная организация"),
            Field.code("specialtyCode", "Специальность", "specialties"),
            Field.date("startDate", "Начало обучения"),
            Field.date("endDate", "Окончание обучения"),
            Field.text("documentSeries", "Серия документа"),
            Field.text("documentNumber", "Номер документа"),
            Field.date("documentDate", "Дата выдачи документа"),
            Field.text("qualification", "Квалификация"))),

    ADDITIONAL_EDUCATION("Дополнительное профессиональное образование",
            "Повышение квалификации, профессиональная переподготовка", false, List.of(
            Field.code("kind", "Вид программы", "additional-education-kinds"),
            Field.text("courseName", "Название программы"),
            Field.text("hours", "Объём, академических часов"),
            Field.text("institution", "Образовательная организация"),
            Field.code("specialtyCode", "Специальность", "specialties"),
            Field.date("startDate", "Начало обучения"),
            Field.date("endDate", "Окончание обучения"),
            Field.code("documentKind", "Документ", "additional-education-documents"),
            Field.text("documentSeries", "Серия документа"),
            Field.text("documentNumber", "Номер документа"),
            Field.date("documentDate", "Дата выдачи документа"))),

    CERTIFICATES("Сертификаты специалиста", null, true, List.of(
            Field.code("specialtyCode", "Специальность", "specialties"),
            Field.text("series", "Серия"),
            Field.text("number", "Номер"),
            Field.date("examDate", "Дата экзамена"),
            Field.date("endDate", "Действует до"))),

    ACCREDITATION("Аккредитация специалиста", null, false, List.of(
            Field.code("kind", "Вид аккредитации", "accreditation-kinds"),
            Field.code("specialtyCode", "Специальность", "specialties"),
            Field.text("protocolNumber", "Номер протокола"),
            Field.date("protocolDate", "Дата протокола"),
            Field.date("endDate", "Действует до"))),

    QUALIFICATION_CATEGORIES("Квалификационные категории", null, false, List.of(
            Field.code("category", "Категория", "qualification-categories"),
            Field.code("specialtyCode", "Специальность", "specialties"),
            Field.date("startDate", "Присвоена"),
            Field.date("endDate", "Действует до")));

    private final String title;
    private final String hint;
    /** Whether a licence of this section is named in the masculine ("сертификат истёк", "аккредитация истекла"). */
    private final boolean masculine;
    private final List<Field> fields;

    RecordLayout(String title, String hint, boolean masculine, List<Field> fields) {
        this.title = title;
        this.hint = hint;
        this.masculine = masculine;
        this.fields = fields;
    }

    /** The section the registry names {@code apiName} ({@code "ACCREDITATION"}), if it is one of these. */
    static Optional<RecordLayout> of(String apiName) {
        return Arrays.stream(values()).filter(section -> section.name().equals(apiName)).findFirst();
    }

    String title() {
        return title;
    }

    /** What the section holds, in words, where its title alone does not say it; null otherwise. */
    String hint() {
        return hint;
    }

    boolean masculine() {
        return masculine;
    }

    List<Field> fields() {
        return fields;
    }

    /** The section in the portal's addresses: {@code postgraduate-education}. */
    String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * One field of an entry.
     *
     * @param dictionary for a code: the registry dictionary that names it; null for other fields
     */
    record Field(String name, String label, Kind kind, String dictionary) {

        static Field text(String name, String label) {
            return new Field(name, label, Kind.TEXT, null);
        }

        static Field date(String name, String label) {
            return new Field(name, label, Kind.DATE, null);
        }

        static Field code(String name, String label, String dictionary) {
            return new Field(name, label, Kind.CODE, dictionary);
        }
    }

    enum Kind {
        TEXT, DATE, CODE
    }
}
