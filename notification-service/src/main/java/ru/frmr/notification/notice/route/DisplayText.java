package ru.frmr.notification.notice.route;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Values as a Russian reader expects them in a notice: ДД.ММ.ГГГГ, Moscow time, words instead of codes. */
final class DisplayText {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    static final Map<String, String> LICENCE_KINDS = Map.of(
            "CERTIFICATE", "сертификат специалиста",
            "ACCREDITATION", "аккредитация специалиста");

    static final Map<String, String> SECTIONS = Map.of(
            "PERSONAL_DATA", "Персональные данные",
            "CONTACTS", "Контакты",
            "EDUCATION", "Образование",
            "CERTIFICATES", "Сертификаты специалиста",
            "ACCREDITATION", "Аккредитация",
            "QUALIFICATION_CATEGORIES", "Квалификационные категории",
            "EMPLOYMENT", "Трудовая деятельность");

    static final Map<String, String> LINK_OUTCOMES = Map.of(
            "ACCEPTED", "принят",
            "DECLINED", "отклонён",
            "EXPIRED", "не рассмотрен в срок и закрыт");

    static final Map<String, String> DISCREPANCY_FIELDS = Map.of(
            "POSITION", "Должность",
            "DEPARTMENT", "Подразделение",
            "RATE", "Ставка",
            "CONTRACT_KIND", "Вид договора",
            "CONTRACT_NUMBER", "Номер договора",
            "CONTRACT_DATE", "Дата договора",
            "START_DATE", "Дата начала работы",
            "END_DATE", "Дата окончания работы");

    static final Map<String, String> DISCREPANCY_OUTCOMES = Map.of(
            "CORRECTED", "сведения исправлены",
            "EXPLAINED", "организация дала пояснение");

    static final Map<String, String> ALERT_RULES = Map.of(
            "FAILED_LOGINS_PER_ACCOUNT", "неудачные входы в одну учётную запись",
            "FAILED_LOGINS_PER_ADDRESS", "неудачные входы с одного адреса",
            "MASS_RECORD_READS", "массовый просмотр записей одним пользователем",
            "MASS_ERASURES", "массовое удаление персональных данных");

    static final Map<String, String> CERTIFICATE_TYPES = Map.of(
            "QUALIFICATION", "о квалификации",
            "EMPLOYMENT_HISTORY", "о трудовой деятельности",
            "REGISTER_EXTRACT", "выписка из регистра");

    private DisplayText() {
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** «06.12.2026 20:15 (МСК)». */
    static String moment(Instant at) {
        return at == null ? "" : MOMENT.format(at.atZone(MOSCOW)) + " (МСК)";
    }

    /** A справка's number as printed on it: four groups of four («7K3M-9QXA-2B4C-D5EF»). */
    static String certificateNumber(String number) {
        if (number == null || number.length() != 16) {
            return number == null ? "" : number;
        }
        return String.join("-", number.substring(0, 4), number.substring(4, 8), number.substring(8, 12),
                number.substring(12, 16));
    }

    static String of(Map<String, String> words, String code) {
        return code == null ? "" : words.getOrDefault(code, code);
    }
}
