package ru.frmr.portal.web.change;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry's field errors (English, naming {@code entry.<field>}) as the Russian message next to the form's
 * field; what names no field of the form goes to the summary under {@link #GENERAL}.
 */
final class RegistryErrors {

    /** The key of an error that belongs to the whole form; the summary links it to the form itself. */
    static final String GENERAL = "change-form";
    private static final Pattern AT_MOST = Pattern.compile("must be at most (\\d+) characters");
    private static final Pattern HOURS = Pattern.compile("must be from (\\d+) to (\\d+) academic hours.*");

    private RegistryErrors() {
    }

    static Map<String, String> toFields(Map<String, String> registryErrors, EntrySection section) {
        Map<String, String> errors = new LinkedHashMap<>();
        registryErrors.forEach((field, message) -> {
            String name = field.startsWith("entry.") ? field.substring("entry.".length()) : field;
            if (section != null && section.field(name).filter(EntrySection.Field::entered).isPresent()) {
                errors.putIfAbsent(name, fieldMessage(message));
            } else {
                errors.putIfAbsent(GENERAL, generalMessage(field, message));
            }
        });
        if (errors.isEmpty()) {
            errors.put(GENERAL, "Регистр не принял изменение. Проверьте сведения и повторите.");
        }
        return errors;
    }

    static String fieldMessage(String message) {
        if (message == null) {
            return "Проверьте значение.";
        }
        Matcher atMost = AT_MOST.matcher(message);
        if (atMost.matches()) {
            return "Не более " + atMost.group(1) + " символов.";
        }
        Matcher hours = HOURS.matcher(message);
        if (hours.matches()) {
            return "Для этого вида программы — от " + hours.group(1) + " до " + hours.group(2)
                    + " академических часов.";
        }
        return switch (message) {
            case "is required", "must not be null", "must not be blank" -> "Заполните это поле.";
            case "must not be in the future" -> "Дата не может быть позже сегодняшней.";
            case "must be after the exam date" -> "Дата окончания должна быть позже даты экзамена.";
            case "must be after the start date" -> "Дата окончания должна быть позже даты начала.";
            case "must not be before the start date" -> "Дата окончания не может быть раньше даты начала.";
            case "must not be before the end date" -> "Документ не может быть выдан раньше окончания обучения.";
            case "must be plain text" -> "Уберите символы < и >.";
            case "is not a specialty of this programme" -> "Эта специальность не относится к выбранной программе.";
            case "is not issued for this kind of programme" -> "Такой документ не выдаётся по этому виду программы.";
            case "is after this document kind ceased to be issued" -> "На эту дату такой документ уже не выдавался.";
            case "overlaps another accreditation period in this specialty" ->
                    "Период этой аккредитации пересекается с другой аккредитацией по той же специальности.";
            default -> message.startsWith("is not a known") ? "Выберите значение из списка."
                    : "Проверьте значение.";
        };
    }

    private static String generalMessage(String field, String message) {
        if ("entryId".equals(field) && message != null) {
            if (message.contains("awaiting moderation")) {
                return "По этой записи уже есть изменение на модерации. Дождитесь решения администратора.";
            }
            if (message.contains("is not an entry")) {
                return "Этой записи больше нет в регистре. Обновите профиль.";
            }
        }
        if ("entry.section".equals(field)) {
            return "Раздел записи изменить нельзя.";
        }
        return "Регистр не принял изменение. Проверьте сведения и повторите.";
    }
}
