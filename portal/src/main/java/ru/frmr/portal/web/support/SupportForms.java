package ru.frmr.portal.web.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import ru.frmr.portal.api.ApiProblem;

/** The checks the support forms make before anything is sent, and the service's refusals said beside the fields. */
final class SupportForms {

    static final int TEXT_MIN = 10;
    /** An answer may be short («Готово.»); a request or a reopening says what is wrong. */
    static final int ANSWER_MIN = 2;
    static final int TEXT_MAX = 4000;
    static final int EMAIL_MAX = 254;
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    static final Pattern REQUEST_ID = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private SupportForms() {
    }

    static Map<String, String> check(Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!SupportWords.TOPICS.containsKey(values.get("topic"))) {
            errors.put("topic", "Выберите тему обращения.");
        }
        String text = text(values.get("text"), TEXT_MIN);
        if (text != null) {
            errors.put("text", text);
        }
        if (values.containsKey("answerChannel") && !SupportWords.CHANNELS.containsKey(values.get("answerChannel"))) {
            errors.put("answerChannel", "Выберите, куда прислать ответ.");
        }
        if (values.containsKey("email")) {
            String email = values.get("email");
            if (email.isEmpty()) {
                errors.put("email", "Укажите адрес электронной почты: на него придёт ответ.");
            } else if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
                errors.put("email", "Адрес электронной почты — в формате name@example.ru.");
            }
        }
        return errors;
    }

    /** Why a message's text cannot be sent, or null. */
    static String text(String text, int min) {
        if (text == null || text.length() < min) {
            return min == TEXT_MIN ? "Опишите вопрос подробнее: не меньше " + TEXT_MIN + " символов."
                    : "Напишите ответ: не меньше " + min + " символов.";
        }
        if (text.length() > TEXT_MAX) {
            return "Не длиннее " + TEXT_MAX + " символов (сейчас " + text.length() + ").";
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            return "Уберите из текста служебные символы.";
        }
        return null;
    }

    /** A form's text as typed, with the browser's CRLF line ends as LF and the ends trimmed. */
    static String normalised(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").strip();
    }

    /** The service's field names as the form's; what names none is said above the form. */
    static Map<String, String> refused(ApiProblem refused, List<String> fields, String otherwise) {
        Map<String, String> errors = new LinkedHashMap<>();
        refused.fieldErrors().keySet().forEach(field -> {
            String name = field.startsWith("documentIds") ? "file" : field;
            if (fields.contains(name)) {
                errors.put(name, switch (name) {
                    case "text" -> "Проверьте текст: от " + TEXT_MIN + " до " + TEXT_MAX + " символов.";
                    case "email" -> "Проверьте адрес электронной почты.";
                    case "file" -> "Скан не удалось приложить. Выберите файл ещё раз.";
                    default -> "Проверьте это поле.";
                });
            }
        });
        if (errors.isEmpty()) {
            errors.put("form", otherwise);
        }
        return errors;
    }

    /** «Повторите через 40 мин.» for a limit's Retry-After, or a plain «позже». */
    static String later(Long retryAfterSeconds) {
        if (retryAfterSeconds == null || retryAfterSeconds <= 0) {
            return "Повторите позже.";
        }
        long minutes = Math.max(1, (retryAfterSeconds + 59) / 60);
        return minutes < 60 ? "Повторите через " + minutes + " мин." : "Повторите через " + ((minutes + 59) / 60)
                + " ч.";
    }
}
