package ru.frmr.portal.web.employer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import ru.frmr.portal.api.ApiProblem;

/**
 * What the employer pages share: reading dates as people type them, the ids an address may carry, the lists of
 * the employer service's answers, and its field errors as the Russian message beside the form's field.
 */
final class EmployerForms {

    /** The key of an error that belongs to a whole form, not one of its fields. */
    static final String GENERAL = "form";
    /** Page size of the portal's lists; the API takes at most 100. */
    static final int PAGE_SIZE = 20;
    static final Pattern ORG_ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    /** Request, employment, discrepancy and account ids: the API's own, opaque; nothing else goes into an address. */
    static final Pattern ID = Pattern.compile("^[A-Za-z0-9_.:-]{1,100}$");
    static final Pattern UUID =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    // Strict: 31.02 is a typing error to show, not the 28th.
    private static final DateTimeFormatter RU_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final Pattern CYRILLIC = Pattern.compile(".*\\p{IsCyrillic}.*", Pattern.DOTALL);

    private EmployerForms() {
    }

    /**
     * The organisation an HR officer acts for: always the one of their token, never one an address or a form
     * names, so no page of theirs calls another organisation's API.
     */
    static String organization(ru.frmr.portal.login.SignedIn me) {
        if (!me.has("EMPLOYER_HR") || me.orgId() == null || !ORG_ID.matcher(me.orgId()).matches()) {
            throw new ApiProblem(403, "forbidden", null, Map.of(), null);
        }
        return me.orgId();
    }

    /** A date from a date field ({@code 2026-02-19}) or typed as ДД.ММ.ГГГГ. */
    static Optional<LocalDate> date(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        try {
            return Optional.of(text.contains(".") ? LocalDate.parse(text, RU_DATE) : LocalDate.parse(text));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    /** A list answer's items: a page ({@code {items, page, size, total}}) or a plain array. */
    static List<JsonNode> items(JsonNode answer) {
        List<JsonNode> items = new ArrayList<>();
        (answer.isArray() ? answer : answer.path("items")).forEach(items::add);
        return items;
    }

    static int page(int requested) {
        return Math.max(0, Math.min(requested, 10_000));
    }

    static long pages(JsonNode answer, int size) {
        long total = answer.path("total").asLong();
        return (total + size - 1) / size;
    }

    /** Whether the API refused the input itself (the form is shown again with the reasons). */
    static boolean refusedInput(ApiProblem refused) {
        return refused.status() == 400 || refused.status() == 409 || refused.status() == 422;
    }

    /**
     * The API's field errors as the form's: {@code fields} maps the API's field name to the form's element id; what
     * names no field of this form goes to {@link #GENERAL}.
     */
    static Map<String, String> toFields(ApiProblem refused, Map<String, String> fields, String general) {
        Map<String, String> errors = new LinkedHashMap<>();
        refused.fieldErrors().forEach((field, message) -> {
            String name = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
            String id = fields.get(name);
            if (id != null) {
                errors.putIfAbsent(id, message(name, message, refused.status()));
            } else {
                errors.putIfAbsent(GENERAL, general);
            }
        });
        if (errors.isEmpty()) {
            errors.put(GENERAL, refused.detail() != null && CYRILLIC.matcher(refused.detail()).matches()
                    ? refused.detail() : general);
        }
        return errors;
    }

    /** The Russian message for one field the API refused; a message already in Russian is shown as it came. */
    static String message(String field, String message, int status) {
        String text = message == null ? "" : message;
        if (CYRILLIC.matcher(text).matches()) {
            return text;
        }
        String lower = text.toLowerCase();
        if (lower.equals("is required") || lower.startsWith("must not be null") || lower.startsWith("must not be blank")
                || lower.startsWith("must not be empty")) {
            return "Заполните это поле.";
        }
        if (lower.contains("checksum") || lower.contains("check digit") || lower.contains("control")) {
            return "Контрольное число не сходится: проверьте цифры.";
        }
        if (lower.contains("not a known") || lower.contains("unknown") || lower.contains("not in the")) {
            return "Выберите значение из списка.";
        }
        if (lower.contains("future")) {
            return "Дата не может быть позже сегодняшней.";
        }
        return switch (field) {
            case "rate" -> "Ставка — от 0,25 до 1,5 с шагом 0,25.";
            case "positionCode", "contractKind" -> status == 409
                    ? "У сотрудника уже есть действующее трудоустройство на этой должности с этим видом договора."
                    : "Выберите значение из списка.";
            case "contractDate" -> "Дата договора не может быть позже даты начала работы.";
            case "startDate", "effectiveDate" -> "Проверьте дату: она не может быть раньше даты договора и приёма.";
            case "endDate" -> status == 409 ? "Сотрудник уже уволен."
                    : "Дата увольнения не может быть раньше даты начала работы.";
            case "reasonCode", "regionCode", "outcome", "field" -> "Выберите значение из списка.";
            case "snils" -> "Проверьте СНИЛС: 11 цифр, контрольное число должно сходиться.";
            case "birthDate" -> "Введите дату рождения в формате ДД.ММ.ГГГГ.";
            case "ogrn" -> status == 409 ? "Организация с таким ОГРН уже есть в реестре."
                    : "ОГРН — 13 цифр с верным контрольным числом.";
            case "inn" -> "ИНН организации — 10 цифр с верным контрольным числом.";
            case "kpp" -> "КПП — 9 знаков: 4 цифры, 2 цифры или латинские буквы, 3 цифры.";
            case "frmoId" -> "Идентификатор ФРМО — OID вида 1.2.643.5.1.13.13.12.2.77.7830.";
            case "organizationId" -> "Выберите организацию.";
            case "employmentId" -> "Трудоустройство не найдено.";
            case "version" -> "Пока вы работали, сведения изменились. Обновите страницу.";
            default -> lower.contains("at most") || lower.contains("length") || lower.contains("long")
                    ? "Слишком длинное значение." : "Проверьте значение.";
        };
    }
}
