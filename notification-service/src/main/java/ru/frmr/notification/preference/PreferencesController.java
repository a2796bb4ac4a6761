package ru.frmr.notification.preference;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.kit.security.CurrentUser;
import ru.frmr.notification.notice.AddressBook;
import ru.frmr.notification.notice.NoticeKind;
import ru.frmr.notification.notice.Templates;

/**
 * The signed-in person's notification settings: which kinds reach them on which channel, and quiet hours. A PUT
 * takes the shape the GET answers and reads only the {@code enabled} flags and the quiet hours; switching off a
 * security notice or the inbox, or switching on a channel the kind has no template for, is a 400 naming the field.
 */
@RestController
@RequestMapping("/api/notifications/me/preferences")
class PreferencesController {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final NoticePreferences preferences;
    private final Templates templates;
    private final AddressBook addresses;

    PreferencesController(NoticePreferences preferences, Templates templates, AddressBook addresses) {
        this.preferences = preferences;
        this.templates = templates;
        this.addresses = addresses;
    }

    record ChannelState(Boolean available, Boolean enabled) {
    }

    record KindState(String kind, String title, Boolean security, Map<String, ChannelState> channels) {
    }

    record QuietState(Boolean enabled, String from, String to, String timeZone) {
    }

    record Contacts(String email, String mobile) {
    }

    record State(List<KindState> kinds, QuietState quietHours, Contacts contacts) {
    }

    @GetMapping
    State get(@AuthenticationPrincipal CurrentUser user) {
        return state(user.accountId(), preferences.of(user.accountId()));
    }

    @PutMapping
    State put(@AuthenticationPrincipal CurrentUser user, @RequestBody State body) {
        Preferences current = preferences.of(user.accountId());
        Map<NoticeKind, Map<NotificationChannel, Boolean>> choices = new EnumMap<>(NoticeKind.class);
        choices.putAll(current.choices());
        if (body.kinds() != null) {
            Set<NoticeKind> seen = new HashSet<>();
            for (int i = 0; i < body.kinds().size(); i++) {
                KindState item = body.kinds().get(i);
                String at = "kinds[" + i + "]";
                if (item == null) {
                    throw new InvalidParameterException(at, "must be an object");
                }
                NoticeKind kind = kind(item.kind(), at + ".kind");
                if (!seen.add(kind)) {
                    throw new InvalidParameterException(at + ".kind", "is listed twice");
                }
                Map<NotificationChannel, Boolean> byChannel = new EnumMap<>(NotificationChannel.class);
                byChannel.putAll(choices.getOrDefault(kind, Map.of()));
                if (item.channels() != null) {
                    item.channels().forEach((name, channelState) -> {
                        String field = at + ".channels." + name;
                        NotificationChannel channel = channel(name, field);
                        Boolean on = channelState == null ? null : channelState.enabled();
                        if (on == null) {
                            return;
                        }
                        if (!on && kind.security()) {
                            throw new InvalidParameterException(field + ".enabled",
                                    "a security notice cannot be switched off");
                        }
                        if (!on && channel == NotificationChannel.INBOX) {
                            throw new InvalidParameterException(field + ".enabled",
                                    "the inbox cannot be switched off");
                        }
                        if (on && !templates.has(kind, channel)) {
                            throw new InvalidParameterException(field + ".enabled",
                                    "this notice is not sent on " + name);
                        }
                        if (!kind.security() && channel != NotificationChannel.INBOX) {
                            byChannel.put(channel, on);
                        }
                    });
                }
                choices.put(kind, byChannel);
            }
        }
        QuietHours quiet = body.quietHours() == null ? current.quietHours() : quietHours(body.quietHours());
        Preferences updated = new Preferences(choices, quiet);
        preferences.save(user.accountId(), updated);
        return state(user.accountId(), updated);
    }

    private static NoticeKind kind(String name, String field) {
        if (name == null) {
            throw new InvalidParameterException(field, "is required");
        }
        try {
            NoticeKind kind = NoticeKind.valueOf(name);
            if (Preferences.chosenByPerson(kind)) {
                return kind;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new InvalidParameterException(field, "must be one of the kinds the settings list");
    }

    private static NotificationChannel channel(String name, String field) {
        try {
            return NotificationChannel.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(field, "must be one of " + Arrays.toString(
                    NotificationChannel.values()));
        }
    }

    private static QuietHours quietHours(QuietState body) {
        if (body.enabled() == null) {
            throw new InvalidParameterException("quietHours.enabled", "is required");
        }
        LocalTime from = time(body.from(), "quietHours.from");
        LocalTime to = time(body.to(), "quietHours.to");
        ZoneId zone;
        try {
            zone = ZoneId.of(body.timeZone() == null ? QuietHours.MOSCOW.getId() : body.timeZone());
        } catch (DateTimeException e) {
            throw new InvalidParameterException("quietHours.timeZone", "must be a time zone such as Europe/Moscow");
        }
        if (body.enabled() && from.equals(to)) {
            throw new InvalidParameterException("quietHours.to", "must differ from quietHours.from");
        }
        return new QuietHours(body.enabled(), from, to, zone);
    }

    private static LocalTime time(String value, String field) {
        if (value == null) {
            throw new InvalidParameterException(field, "is required (ЧЧ:ММ)");
        }
        try {
            return LocalTime.parse(value, HH_MM);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(field, "must be a time ЧЧ:ММ, e.g. 22:00");
        }
    }

    private State state(String accountId, Preferences prefs) {
        List<KindState> kinds = Arrays.stream(NoticeKind.values()).filter(Preferences::chosenByPerson)
                .map(kind -> {
                    Map<String, ChannelState> channels = new LinkedHashMap<>();
                    for (NotificationChannel channel : NotificationChannel.values()) {
                        boolean available = templates.has(kind, channel);
                        channels.put(channel.name(), new ChannelState(available,
                                available && prefs.enabled(kind, channel)));
                    }
                    return new KindState(kind.name(), NoticeTitles.of(kind), kind.security(), channels);
                }).toList();
        QuietHours q = prefs.quietHours();
        return new State(kinds, new QuietState(q.enabled(), q.from().format(HH_MM), q.to().format(HH_MM),
                q.timeZone().getId()), new Contacts(
                addresses.address(accountId, NotificationChannel.EMAIL).map(PreferencesController::maskEmail)
                        .orElse(null),
                addresses.address(accountId, NotificationChannel.SMS).map(PreferencesController::maskMobile)
                        .orElse(null)));
    }

    /** «i***@mail.ru»: enough for the person to recognise it, not enough to read it off a screen. */
    static String maskEmail(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /** «+7*******67». */
    static String maskMobile(String mobile) {
        if (mobile.length() < 5) {
            return "***";
        }
        return mobile.substring(0, 2) + "*".repeat(mobile.length() - 4) + mobile.substring(mobile.length() - 2);
    }
}
