package ru.frmr.portal.web.agencies;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.EventDescriptor;
import ru.frmr.portal.web.Dictionaries;

/**
 * The agency pages' words ({@code ${@agency.kind(a)}} in templates): kinds of agencies, statuses, scopes of machine
 * clients, public event types and webhook delivery statuses in Russian. A code the portal does not know yet is shown
 * as it came rather than hidden.
 */
@Component("agency")
public class AgencyWords {

    static final Map<String, String> KINDS = ordered(
            "MINZDRAV", "Минздрав России",
            "ROSZDRAVNADZOR", "Росздравнадзор",
            "REGIONAL_HEALTH_AUTHORITY", "Региональный орган управления здравоохранением");
    static final Map<String, String> SCOPES = ordered(
            "registry.read", "Чтение записей работников (с указанием цели)",
            "webhooks.manage", "Управление своими подписками на события",
            "audit.read", "Контрольные точки и доказательства журнала аудита");
    private static final Map<String, String> EVENT_TYPES = ordered(
            "ru.frmr.registry.ProfileUpdated.v1", "Изменение сведений о работнике",
            "ru.frmr.registry.LicenseExpired.v1", "Истечение срока аккредитации",
            "ru.frmr.employer.EmployerLinkRequested.v1", "Запрос работодателя о связи с работником");
    private static final Map<String, String> DELIVERY_STATUSES = ordered(
            "PENDING", "Ожидает отправки",
            "DELIVERED", "Доставлено",
            "FAILED", "Не доставлено",
            "CANCELLED", "Отменено");

    private final Dictionaries dictionaries;

    public AgencyWords(Dictionaries dictionaries) {
        this.dictionaries = dictionaries;
    }

    /** «Минздрав России»; a regional authority with its region: «Региональный орган … — Москва (77)». */
    public String kind(String kind, String regionCode) {
        String name = KINDS.getOrDefault(kind, kind == null ? "—" : kind);
        if (regionCode == null || regionCode.isBlank() || "null".equals(regionCode)) {
            return name;
        }
        return name + " — " + dictionaries.name("regions", regionCode) + " (" + regionCode + ")";
    }

    public String status(String status) {
        return switch (status == null ? "" : status) {
            case "ACTIVE" -> "Действует";
            case "REVOKED" -> "Отозвано";
            case "DISABLED" -> "Отключена";
            default -> status == null ? "—" : status;
        };
    }

    public String scope(String scope) {
        return SCOPES.getOrDefault(scope, scope);
    }

    public String eventType(String type) {
        return EVENT_TYPES.getOrDefault(type, type);
    }

    public String deliveryStatus(String status) {
        return DELIVERY_STATUSES.getOrDefault(status, status == null ? "—" : status);
    }

    public Map<String, String> kinds() {
        return KINDS;
    }

    public Map<String, String> scopes() {
        return SCOPES;
    }

    /** The event types an agency may subscribe to: the public contracts of the catalogue. */
    public List<String> publicEventTypes() {
        return EventCatalog.all().stream().filter(EventDescriptor::publicContract).map(EventDescriptor::type)
                .toList();
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
