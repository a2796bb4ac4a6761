package ru.frmr.portal.web.supervision;

import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;

/**
 * The purposes a registry administrator or a supervisor stated for opening one worker's personal data, kept in their
 * portal session for {@link #KEPT_FOR} per worker: moving about inside the worker's card (a block, back from an
 * action) does not ask again, another worker or a later visit does. The services record each read with the purpose
 * (header {@code X-Access-Purpose}); the portal keeps nothing else of it.
 */
@Component
public class AccessPurposes {

    public static final Duration KEPT_FOR = Duration.ofMinutes(15);
    public static final int MIN = 3;
    public static final int MAX = 300;
    /** Purposes offered in the form; "other" takes the free text alone. */
    public static final Map<String, String> SUGGESTED = suggested();
    public static final String OTHER = "OTHER";
    private static final String ATTRIBUTE = AccessPurposes.class.getName();

    private final Clock clock;

    AccessPurposes(Clock clock) {
        this.clock = clock;
    }

    /** One stated purpose and until when it holds. */
    record Stated(String purpose, Instant until) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** The purpose stated for this worker within the last {@link #KEPT_FOR}, if any. */
    public Optional<String> current(HttpSession session, String workerId) {
        if (session == null) {
            return Optional.empty();
        }
        Stated stated = purposes(session).get(workerId);
        return stated != null && stated.until().isAfter(clock.instant()) ? Optional.of(stated.purpose())
                : Optional.empty();
    }

    public void remember(HttpSession session, String workerId, String purpose) {
        HashMap<String, Stated> purposes = new HashMap<>(purposes(session));
        Instant now = clock.instant();
        purposes.values().removeIf(stated -> !stated.until().isAfter(now));
        purposes.put(workerId, new Stated(purpose, now.plus(KEPT_FOR)));
        // Set again (not changed in place): a session kept in Mongo is saved when an attribute is set.
        session.setAttribute(ATTRIBUTE, purposes);
    }

    public void forget(HttpSession session, String workerId) {
        if (session == null) {
            return;
        }
        HashMap<String, Stated> purposes = new HashMap<>(purposes(session));
        if (purposes.remove(workerId) != null) {
            session.setAttribute(ATTRIBUTE, purposes);
        }
    }

    /**
     * The purpose from the form: a suggested one, optionally with details after a colon, or "other" with the details
     * alone; null with the reason in {@code error} when it does not do.
     */
    public static String fromForm(String suggested, String details, Map<String, String> errors) {
        String choice = suggested == null ? "" : suggested.strip();
        String text = details == null ? "" : details.strip().replaceAll("\\s+", " ");
        String purpose;
        if (choice.isEmpty()) {
            errors.put("suggested", "Выберите цель доступа");
            return null;
        } else if (OTHER.equals(choice)) {
            if (text.isEmpty()) {
                errors.put("details", "Опишите цель доступа");
                return null;
            }
            purpose = text;
        } else if (SUGGESTED.containsKey(choice)) {
            purpose = text.isEmpty() ? SUGGESTED.get(choice) : SUGGESTED.get(choice) + ": " + text;
        } else {
            errors.put("suggested", "Выберите цель доступа из списка");
            return null;
        }
        if (purpose.codePointCount(0, purpose.length()) < MIN) {
            errors.put("details", "Цель доступа — не короче " + MIN + " символов");
            return null;
        }
        if (purpose.codePointCount(0, purpose.length()) > MAX) {
            errors.put("details", "Цель доступа вместе с пояснением — не длиннее " + MAX + " символов");
            return null;
        }
        return purpose;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Stated> purposes(HttpSession session) {
        Object kept = session.getAttribute(ATTRIBUTE);
        return kept instanceof Map<?, ?> map ? (Map<String, Stated>) map : Map.of();
    }

    private static Map<String, String> suggested() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("APPEAL", "Рассмотрение обращения работника");
        map.put("MODERATION", "Проверка изменений, поданных на модерацию");
        map.put("ACCOUNT", "Работа с учётной записью (блокировка, активация)");
        map.put("SUPERVISION", "Контрольно-надзорное мероприятие");
        map.put("AUTHORITY_REQUEST", "Запрос государственного органа");
        map.put(OTHER, "Другое (опишите ниже)");
        return java.util.Collections.unmodifiableMap(map);
    }
}
