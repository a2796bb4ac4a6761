package ru.frmr.portal.web.employer;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

/**
 * The employer service's codes in words for the pages ({@code ${@emp.linkStatus(x)}}): statuses, who started a
 * link request, the kinds of employment changes, the fields a discrepancy may name, the ставка with a comma.
 */
@Component("emp")
public class EmployerWords {

    public String linkStatus(String status) {
        return switch (status == null ? "" : status) {
            case "PENDING" -> "Ожидает ответа";
            case "ACCEPTED" -> "Принят";
            case "DECLINED" -> "Отклонён";
            case "EXPIRED" -> "Истёк срок ответа";
            default -> "—";
        };
    }

    public String initiatedBy(String side) {
        return "WORKER".equals(side) ? "Работник" : "EMPLOYER".equals(side) ? "Организация" : "—";
    }

    public String employmentStatus(String status) {
        return "ACTIVE".equals(status) ? "Работает" : "DISMISSED".equals(status) ? "Уволен" : "—";
    }

    public String discrepancyStatus(String status) {
        return switch (status == null ? "" : status) {
            case "OPEN" -> "Ожидает ответа";
            case "ANSWERED" -> "Ответ дан";
            case "OVERDUE" -> "Срок ответа истёк";
            default -> "—";
        };
    }

    public String outcome(String outcome) {
        return "CORRECTED".equals(outcome) ? "Сведения исправлены"
                : "EXPLAINED".equals(outcome) ? "Дано разъяснение" : "—";
    }

    public String changeKind(String kind) {
        return switch (kind == null ? "" : kind) {
            case "HIRE" -> "Приём на работу";
            case "TRANSFER" -> "Перевод";
            case "POSITION_CHANGE" -> "Изменение должности";
            case "RATE_CHANGE" -> "Изменение ставки";
            case "CORRECTION" -> "Исправление сведений";
            case "DISMISSAL" -> "Увольнение";
            default -> "Изменение";
        };
    }

    /** The field of an employment record a discrepancy names. */
    public String field(String field) {
        return switch (field == null ? "" : field) {
            case "POSITION" -> "Должность";
            case "DEPARTMENT" -> "Подразделение";
            case "RATE" -> "Ставка";
            case "CONTRACT_KIND" -> "Вид договора";
            case "CONTRACT_NUMBER" -> "Номер трудового договора";
            case "CONTRACT_DATE" -> "Дата трудового договора";
            case "START_DATE" -> "Дата начала работы";
            case "END_DATE" -> "Дата увольнения";
            default -> "—";
        };
    }

    /** Whether two ставки are the same number ({@code 1} and {@code 1.00}). */
    public boolean sameRate(Object a, Object b) {
        try {
            return a != null && b != null && new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        } catch (NumberFormatException unreadable) {
            return false;
        }
    }

    /** Whether any error belongs to the form whose element ids start with this prefix (its details stay open). */
    public boolean anyFor(java.util.Map<String, String> errors, String prefix) {
        return errors != null && errors.keySet().stream().anyMatch(id -> id.equals(prefix)
                || id.startsWith(prefix + "-"));
    }

    /** {@code 0.75} as {@code 0,75}; a whole ставка as {@code 1}. */
    public String rate(Object rate) {
        if (rate == null || rate.toString().isBlank() || "null".equals(rate.toString())) {
            return "—";
        }
        try {
            return new BigDecimal(rate.toString()).stripTrailingZeros().toPlainString().replace('.', ',');
        } catch (NumberFormatException unreadable) {
            return rate.toString();
        }
    }
}
