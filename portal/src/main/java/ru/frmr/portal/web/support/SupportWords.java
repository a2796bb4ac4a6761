package ru.frmr.portal.web.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/** Support requests in words ({@code ${@support.status(x)}} in templates): topics, statuses, the answer's deadline. */
@Component("support")
public class SupportWords {

    static final Map<String, String> TOPICS = topicNames();
    static final Map<String, String> CHANNELS = channelNames();

    private static Map<String, String> topicNames() {
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put("LOGIN", "Вход в личный кабинет");
        topics.put("PROFILE", "Сведения профиля");
        topics.put("EMPLOYER", "Работодатель и трудоустройство");
        topics.put("CERTIFICATES", "Справки");
        topics.put("OTHER", "Другое");
        return topics;
    }

    private static Map<String, String> channelNames() {
        Map<String, String> channels = new LinkedHashMap<>();
        channels.put("EMAIL", "На электронную почту и в личный кабинет");
        channels.put("INBOX", "Только в личный кабинет");
        return channels;
    }

    public Map<String, String> topics() {
        return TOPICS;
    }

    public Map<String, String> answerChannels() {
        return CHANNELS;
    }

    public String topic(String code) {
        return TOPICS.getOrDefault(code == null ? "" : code, "Другое");
    }

    public String status(String status) {
        return switch (status == null ? "" : status) {
            case "NEW" -> "Новое";
            case "IN_WORK" -> "В работе";
            case "ANSWERED" -> "Есть ответ";
            case "CLOSED" -> "Закрыто";
            default -> "—";
        };
    }

    /** The badge's colour class for a status; the word says it anyway. */
    public String statusClass(String status) {
        return switch (status == null ? "" : status) {
            case "ANSWERED" -> "badge-ok";
            case "CLOSED" -> "";
            case "IN_WORK" -> "badge-info";
            default -> "badge-warn";
        };
    }

    /**
     * The time to the answer's deadline: «осталось 23 ч 10 мин», «осталось 45 мин», «просрочено на 2 ч»,
     * «просрочено на 1 ч 5 мин». Whole minutes, never flattering: the time left rounded down, the time overdue up.
     */
    public String timeLeft(long secondsLeft) {
        long minutes = secondsLeft >= 0 ? secondsLeft / 60 : (-secondsLeft + 59) / 60;
        long hours = minutes / 60;
        long rest = minutes % 60;
        String span = hours == 0 ? rest + " мин" : rest == 0 ? hours + " ч" : hours + " ч " + rest + " мин";
        return secondsLeft >= 0 ? "осталось " + span : "просрочено на " + span;
    }
}
