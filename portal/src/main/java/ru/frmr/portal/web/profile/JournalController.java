package ru.frmr.portal.web.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.Platform;
import ru.frmr.portal.login.SignedIn;
import ru.frmr.portal.web.Dictionaries;
import ru.frmr.portal.web.Formats;

/**
 * The worker's change journal, newest first: each step of their changes (sent to moderation, approved, rejected with
 * the reason), their contacts changed, and what employers reported. The registry answers the whole journal at once;
 * the portal shows it a page at a time.
 */
@Controller
class JournalController {

    static final int PAGE_SIZE = 30;

    private final Platform platform;
    private final Dictionaries dictionaries;
    private final Formats formats;

    JournalController(Platform platform, Dictionaries dictionaries, Formats formats) {
        this.platform = platform;
        this.dictionaries = dictionaries;
        this.formats = formats;
    }

    /**
     * One line of the journal.
     *
     * @param what       the section and what was done to it: «Аккредитация специалиста — добавление»
     * @param subject    the entry concerned in a few words, when the journal's change is known; else null
     * @param statusText the step in words; {@code badge} marks it
     * @param reason     why a change was rejected; null otherwise
     */
    record Line(String at, String what, String subject, String statusText, String badge, String action,
                String reason, String actor) {
    }

    @GetMapping("/journal")
    String journal(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "0") String page,
                   Model model) {
        if (me.workerId() == null) {
            model.addAttribute("creating", true);
            return "profile/journal";
        }
        JsonNode journal;
        try {
            journal = platform.as(me, HttpMethod.GET, "/api/registry/workers/{id}/journal", me.workerId()).json();
        } catch (ApiProblem refused) {
            if (refused.status() == 404) {
                model.addAttribute("creating", true);
                return "profile/journal";
            }
            throw refused;
        }
        List<JsonNode> all = new ArrayList<>();
        journal.forEach(all::add);
        // The registry lists the journal oldest first; the person wants the latest on top.
        Collections.reverse(all);
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = page.matches("\\d{1,5}") ? Math.min(Integer.parseInt(page), pages - 1) : 0;
        List<JsonNode> shown = all.subList(current * PAGE_SIZE, Math.min(all.size(), (current + 1) * PAGE_SIZE));

        Map<String, String> subjects = subjects(me);
        List<Line> lines = new ArrayList<>();
        for (JsonNode entry : shown) {
            lines.add(line(me, entry, subjects));
        }
        model.addAttribute("lines", lines);
        model.addAttribute("total", all.size());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        return "profile/journal";
    }

    /**
     * What each change was about («Периодическая аккредитация: Терапия»), by change id, from the worker's list of
     * changes: the journal itself names only the section. Without it the journal still shows, only less precisely.
     */
    private Map<String, String> subjects(SignedIn me) {
        Map<String, String> subjects = new HashMap<>();
        JsonNode changes;
        try {
            changes = platform.as(me, HttpMethod.GET, "/api/registry/workers/{id}/changes", me.workerId()).json();
        } catch (ApiProblem notNow) {
            return subjects;
        }
        RecordPresenter presenter = new RecordPresenter(formats, new CodeNames(dictionaries));
        changes.forEach(change -> {
            JsonNode entry = change.path("entry").isObject() ? change.path("entry") : change.path("currentEntry");
            RecordLayout.of(change.path("section").asText()).ifPresent(layout -> {
                if (entry.isObject()) {
                    subjects.put(change.path("changeId").asText(), presenter.title(layout, entry));
                }
            });
        });
        return subjects;
    }

    private Line line(SignedIn me, JsonNode entry, Map<String, String> subjects) {
        String section = RecordPresenter.text(entry, "section");
        String action = entry.path("action").asText("");
        String kind = RecordPresenter.text(entry, "kind");
        String what = switch (section == null ? "" : section) {
            case "CONTACTS" -> "Контакты — изменение";
            case "EMPLOYMENT" -> "Место работы — " + switch (action) {
                case "RECORDED" -> "новая запись";
                case "ENDED" -> "завершение работы";
                default -> "исправление";
            };
            default -> RecordLayout.of(section).map(RecordLayout::title).orElse("Профиль") + " — " + kindText(kind);
        };
        String changeId = RecordPresenter.text(entry, "changeId");
        RecordPresenter.Status status = switch (action) {
            case "SUBMITTED" -> new RecordPresenter.Status("Отправлено на модерацию", "badge-warn");
            case "APPROVED" -> new RecordPresenter.Status("Подтверждено", "badge-ok");
            case "REJECTED" -> new RecordPresenter.Status("Отклонено", "badge-bad");
            case "UPDATED" -> new RecordPresenter.Status("Изменено", "badge-info");
            case "RECORDED" -> new RecordPresenter.Status("Внесено работодателем", "badge-info");
            case "CORRECTED" -> new RecordPresenter.Status("Исправлено работодателем", "badge-info");
            case "ENDED" -> new RecordPresenter.Status("Завершено работодателем", "badge-info");
            default -> new RecordPresenter.Status(action, "badge-info");
        };
        return new Line(formats.dateTime(RecordPresenter.text(entry, "at")), what,
                changeId == null ? null : subjects.get(changeId), status.text(), status.badge(), action,
                RecordPresenter.text(entry, "reason"), actor(me, entry, section, action));
    }

    /** Who took the step, as far as the person needs to know: themselves, the registry, or their employer. */
    private static String actor(SignedIn me, JsonNode entry, String section, String action) {
        String actor = RecordPresenter.text(entry, "actor");
        if (actor != null && me.accountId() != null && actor.equals("account:" + me.accountId())) {
            return "Вы";
        }
        if ("EMPLOYMENT".equals(section)) {
            return "Работодатель";
        }
        if ("APPROVED".equals(action) || "REJECTED".equals(action)) {
            return "Администратор регистра";
        }
        return null;
    }

    private static String kindText(String kind) {
        if (kind == null) {
            return "изменение";
        }
        return switch (kind) {
            case "ADD" -> "добавление";
            case "CORRECT" -> "исправление";
            case "REMOVE" -> "удаление";
            default -> "изменение";
        };
    }
}
