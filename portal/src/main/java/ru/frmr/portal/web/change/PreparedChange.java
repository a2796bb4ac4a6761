package ru.frmr.portal.web.change;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import ru.frmr.portal.web.documents.DocumentUploads;

/**
 * A change the person filled in and the portal checked, kept in the HTTP session while they confirm it with a
 * one-time code (the step-up token itself is kept apart, sealed, in {@code PortalLogins}).
 *
 * @param section the record's section (its slug), null for the contacts
 * @param kind    {@code ADD}, {@code CORRECT}, {@code REMOVE}, or {@code CONTACTS}
 * @param entryId the approved entry a correction or removal is of
 * @param values  what the form held (for the request body, and for showing the form again if the registry
 *                refuses a field)
 * @param lines   what the person is asked to confirm, as shown
 * @param scan    the file the person chose to support the change, already uploaded (attached to nothing yet: the
 *                change has no id until the registry took it); null without one
 */
record PreparedChange(String section, String kind, String entryId, LinkedHashMap<String, String> values,
                      ArrayList<Line> lines, DocumentUploads.Uploaded scan) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String CONTACTS = "CONTACTS";

    /** One line of the change as shown: a field's label and its value in words. */
    record Line(String label, String value) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;
    }

    static PreparedChange of(EntrySection section, String kind, String entryId, java.util.Map<String, String> values,
                             List<Line> lines) {
        return new PreparedChange(section == null ? null : section.slug(), kind, entryId,
                new LinkedHashMap<>(values), new ArrayList<>(lines), null);
    }

    PreparedChange withScan(DocumentUploads.Uploaded uploaded) {
        return new PreparedChange(section, kind, entryId, values, lines, uploaded);
    }

    public boolean contacts() {
        return CONTACTS.equals(kind);
    }

    EntrySection entrySection() {
        return section == null ? null : EntrySection.bySlug(section).orElseThrow();
    }

    /** What the confirmation says is done: «Добавление записи: Аккредитация». */
    public String what() {
        if (contacts()) {
            return "Изменение контактных данных";
        }
        String action = switch (kind) {
            case "CORRECT" -> "Исправление записи";
            case "REMOVE" -> "Удаление записи";
            default -> "Новая запись";
        };
        return action + ": " + entrySection().title();
    }

    @Override
    public String toString() {
        // The values are the person's data: never in a log line.
        return "PreparedChange[" + kind + " " + section + "]";
    }
}
