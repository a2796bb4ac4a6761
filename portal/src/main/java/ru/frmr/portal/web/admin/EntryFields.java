package ru.frmr.portal.web.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.PlatformUnavailableException;
import ru.frmr.portal.web.Dictionaries;
import ru.frmr.portal.web.Formats;

/**
 * A registry entry as a moderator, supervisor or the worker reads it: each field of its section with a Russian label,
 * codes shown by their dictionary names, dates ДД.ММ.ГГГГ; for a correction the current value beside the proposed one.
 */
@Component("entryFields")
public class EntryFields {

    /** How one field is shown: its label, and the dictionary that names its codes (null: shown as it is). */
    private record Field(String name, String label, String dictionary, boolean date) {
    }

    /** One line of an entry; {@code current} is null when there is nothing to compare with. */
    public record Row(String label, String current, String proposed, boolean changed) {
    }

    private static final Map<String, String> SECTIONS = Map.of(
            "EDUCATION", "Образование",
            "POSTGRADUATE_EDUCATION", "Послевузовское образование",
            "ADDITIONAL_EDUCATION", "Дополнительное образование",
            "CERTIFICATES", "Сертификат специалиста",
            "ACCREDITATION", "Аккредитация",
            "QUALIFICATION_CATEGORIES", "Квалификационная категория");

    private static final Map<String, String> KINDS = Map.of(
            "ADD", "Добавление записи",
            "CORRECT", "Исправление записи",
            "REMOVE", "Удаление записи");

    private static final Map<String, List<Field>> FIELDS = Map.of(
            "EDUCATION", List.of(
                    text("institution", "Образовательная организация"),
                    coded("levelCode", "Уровень образования", "education-levels"),
                    coded("documentKind", "Вид документа", "document-kinds"),
                    text("diplomaSeries", "Серия диплома"),
                    text("diplomaNumber", "Номер диплома"),
                    date("diplomaDate", "Дата выдачи диплома"),
                    coded("specialtyCode", "Специальность", "specialties"),
                    text("qualification", "Квалификация")),
            "POSTGRADUATE_EDUCATION", List.of(
                    coded("programKind", "Вид программы", "postgraduate-programs"),
                    text("institution", "Образовательная организация"),
                    coded("specialtyCode", "Специальность", "specialties"),
                    date("startDate", "Дата начала обучения"),
                    date("endDate", "Дата окончания обучения"),
                    text("documentSeries", "Серия документа"),
                    text("documentNumber", "Номер документа"),
                    date("documentDate", "Дата выдачи документа"),
                    text("qualification", "Квалификация")),
            "ADDITIONAL_EDUCATION", List.of(
                    coded("kind", "Вид дополнительного образования", "additional-education-kinds"),
                    text("courseName", "Название программы"),
                    text("hours", "Объём, часов"),
                    text("institution", "Образовательная организация"),
                    coded("specialtyCode", "Специальность", "specialties"),
                    date("startDate", "Дата начала обучения"),
                    date("endDate", "Дата окончания обучения"),
                    coded("documentKind", "Вид документа", "additional-education-documents"),
                    text("documentSeries", "Серия документа"),
                    text("documentNumber", "Номер документа"),
                    date("documentDate", "Дата выдачи документа")),
            "CERTIFICATES", List.of(
                    text("series", "Серия сертификата"),
                    text("number", "Номер сертификата"),
                    coded("specialtyCode", "Специальность", "specialties"),
                    date("examDate", "Дата экзамена"),
                    date("endDate", "Действует до")),
            "ACCREDITATION", List.of(
                    coded("kind", "Вид аккредитации", "accreditation-kinds"),
                    text("protocolNumber", "Номер протокола"),
                    date("protocolDate", "Дата протокола"),
                    coded("specialtyCode", "Специальность", "specialties"),
                    date("endDate", "Действует до")),
            "QUALIFICATION_CATEGORIES", List.of(
                    coded("category", "Категория", "qualification-categories"),
                    coded("specialtyCode", "Специальность", "specialties"),
                    date("startDate", "Дата присвоения"),
                    date("endDate", "Действует до")));

    private final Dictionaries dictionaries;
    private final Formats formats;

    public EntryFields(Dictionaries dictionaries, Formats formats) {
        this.dictionaries = dictionaries;
        this.formats = formats;
    }

    /** «Аккредитация» for {@code ACCREDITATION}; an unknown section as it came. */
    public String section(String section) {
        return SECTIONS.getOrDefault(section, section);
    }

    /** «Исправление записи» for {@code CORRECT}. */
    public String kind(String kind) {
        return KINDS.getOrDefault(kind, kind);
    }

    /** The fields of one entry. */
    public List<Row> rows(JsonNode entry) {
        return rows(entry, null);
    }

    /**
     * The fields of the proposed entry beside the current one (either may be missing: an addition has no current
     * entry, a removal no proposed one). Fields the section does not know are not shown.
     */
    public List<Row> rows(JsonNode proposed, JsonNode current) {
        JsonNode proposedEntry = present(proposed) ? proposed : null;
        JsonNode currentEntry = present(current) ? current : null;
        JsonNode any = proposedEntry != null ? proposedEntry : currentEntry;
        if (any == null) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (Field field : FIELDS.getOrDefault(any.path("section").asText(), List.of())) {
            String now = currentEntry == null ? null : value(field, currentEntry.path(field.name()));
            String next = proposedEntry == null ? null : value(field, proposedEntry.path(field.name()));
            rows.add(new Row(field.label(), now, next,
                    currentEntry != null && proposedEntry != null && !now.equals(next)));
        }
        return rows;
    }

    private String value(Field field, JsonNode node) {
        if (node.isMissingNode() || node.isNull() || node.asText().isBlank()) {
            return "—";
        }
        if (field.date()) {
            return formats.date(node.asText());
        }
        if (field.dictionary() != null) {
            try {
                return dictionaries.name(field.dictionary(), node.asText());
            } catch (ApiProblem | PlatformUnavailableException unavailable) {
                // The code is still the truth; a dictionary that cannot be read must not keep a moderator from
                // deciding.
                return node.asText();
            }
        }
        return node.asText();
    }

    private static boolean present(JsonNode node) {
        return node != null && node.isObject();
    }

    private static Field text(String name, String label) {
        return new Field(name, label, null, false);
    }

    private static Field coded(String name, String label, String dictionary) {
        return new Field(name, label, dictionary, false);
    }

    private static Field date(String name, String label) {
        return new Field(name, label, null, true);
    }
}
