package ru.frmr.portal.web.documents;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/** What the справки pages say for documents-service's codes: types, deliveries, statuses, the verification. */
@Component("cert")
public class CertificateWords {

    /** The types with what each certifies, in the order the form offers them. */
    static final Map<String, String[]> TYPES = new LinkedHashMap<>();
    static final Map<String, String[]> DELIVERIES = new LinkedHashMap<>();

    static {
        TYPES.put("QUALIFICATION", new String[] {"О квалификации",
                "Образование, сертификаты специалиста и аккредитация, подтверждённые в регистре."});
        TYPES.put("EMPLOYMENT_HISTORY", new String[] {"О трудовом стаже",
                "Места работы, должности, ставки и периоды работы по сведениям работодателей."});
        TYPES.put("REGISTER_EXTRACT", new String[] {"Выписка из регистра",
                "Сведения о вас, которые показывает общедоступная часть регистра медицинских работников."});
        DELIVERIES.put("DOWNLOAD", new String[] {"Скачать в личном кабинете",
                "PDF появится в этом списке через несколько секунд."});
        DELIVERIES.put("EMAIL", new String[] {"По электронной почте",
                "PDF придёт письмом на адрес вашей учётной записи."});
        DELIVERIES.put("POST", new String[] {"Почтой России",
                "Бумажную справку отправит администратор регистра; трек-номер появится в этом списке."});
    }

    /** The postal address's fields: name, label, the longest value, the browser's autocomplete token. */
    private static final java.util.List<String[]> ADDRESS_FIELDS = java.util.List.of(
            new String[] {"postcode", "Индекс", "6", "postal-code"},
            new String[] {"region", "Регион", "200", "address-level1"},
            new String[] {"city", "Населённый пункт", "200", "address-level2"},
            new String[] {"street", "Улица", "200", "address-line1"},
            new String[] {"building", "Дом, корпус, строение", "200", "off"},
            new String[] {"apartment", "Квартира (необязательно)", "20", "off"},
            new String[] {"recipient", "Получатель, если не вы (необязательно)", "200", "name"});

    public java.util.List<String[]> addressFields() {
        return ADDRESS_FIELDS;
    }

    public Map<String, String[]> types() {
        return TYPES;
    }

    public Map<String, String[]> deliveries() {
        return DELIVERIES;
    }

    public String type(String code) {
        String[] words = TYPES.get(code);
        return words == null ? "Справка" : words[0];
    }

    public String delivery(String code) {
        String[] words = DELIVERIES.get(code);
        return words == null ? "—" : words[0];
    }

    /** A request's state in words, as its worker reads it. */
    public String status(JsonNode item) {
        String delivery = item.path("delivery").asText("");
        return switch (item.path("status").asText("")) {
            case "REQUESTED" -> "Запрошена";
            case "IN_WORK" -> "Готовится";
            case "READY" -> switch (delivery) {
                case "EMAIL" -> "Готова, отправляется на электронную почту";
                case "POST" -> "Готова, ждёт отправки почтой";
                default -> "Готова — можно скачать";
            };
            case "DELIVERED" -> switch (item.path("channel").asText(channelOf(delivery))) {
                case "EMAILED" -> "Отправлена на электронную почту";
                case "POSTED" -> "Отправлена почтой";
                default -> "Скачана";
            };
            case "REFUSED" -> "Отказано";
            default -> "Состояние обновляется";
        };
    }

    /** The badge's colour class for the state. */
    public String badge(JsonNode item) {
        return switch (item.path("status").asText("")) {
            case "READY", "DELIVERED" -> "badge-ok";
            case "REFUSED" -> "badge-bad";
            default -> "badge-info";
        };
    }

    /**
     * Whether the state will change by itself within seconds, so the page asks again every 2 s: while the справка is
     * being made, and while a ready one is on its way by e-mail. A справка waiting for its download or for the post
     * will not change until someone acts.
     */
    public boolean live(JsonNode item) {
        String status = item.path("status").asText("");
        return "REQUESTED".equals(status) || "IN_WORK".equals(status)
                || "READY".equals(status) && "EMAIL".equals(item.path("delivery").asText());
    }

    public boolean downloadable(JsonNode item) {
        String status = item.path("status").asText("");
        return "READY".equals(status) || "DELIVERED".equals(status);
    }

    /** The public verification's answer for a number, in words. */
    public String verification(String status) {
        return switch (status == null ? "" : status) {
            case "VALID" -> "Справка действительна";
            case "EXPIRED" -> "Срок действия истёк";
            case "REVOKED" -> "Отозвана";
            default -> "Справка с таким номером не выдавалась";
        };
    }

    private static String channelOf(String delivery) {
        return switch (delivery) {
            case "EMAIL" -> "EMAILED";
            case "POST" -> "POSTED";
            default -> "DOWNLOADED";
        };
    }
}
