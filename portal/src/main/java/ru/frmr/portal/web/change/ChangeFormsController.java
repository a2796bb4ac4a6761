package ru.frmr.portal.web.change;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.Platform;
import ru.frmr.portal.login.SignedIn;
import ru.frmr.portal.web.Dictionaries;
import ru.frmr.portal.web.ErrorPage;
import ru.frmr.portal.web.Formats;
import ru.frmr.portal.web.documents.DocumentUploads;

/**
 * The worker's forms that add, correct and remove an entry of their record, and the change of their contacts.
 * A checked change goes on to the step-up ({@link StepUpController}); the registry gets it only with the token of
 * a one-time code the person just confirmed.
 */
@Controller
class ChangeFormsController {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern EMAIL = Pattern.compile(
            "^[^\\s@<>\"]+@[^\\s@<>\"]+\\.[^\\s@<>\"]+$");

    private final Platform platform;
    private final Dictionaries dictionaries;
    private final Formats formats;
    private final ErrorPage errorPage;
    private final ChangeSubmission submission;
    private final DocumentUploads documents;
    private final Clock clock;

    ChangeFormsController(Platform platform, Dictionaries dictionaries, Formats formats, ErrorPage errorPage,
                          ChangeSubmission submission, DocumentUploads documents, Clock clock) {
        this.platform = platform;
        this.dictionaries = dictionaries;
        this.formats = formats;
        this.errorPage = errorPage;
        this.submission = submission;
        this.documents = documents;
        this.clock = clock;
    }

    // --- a new entry ---------------------------------------------------------------------------------------------

    @GetMapping("/profile/{section}/new")
    String newEntry(@AuthenticationPrincipal SignedIn me, @PathVariable String section, Model model,
                    HttpServletResponse response) {
        Optional<EntrySection> known = EntrySection.bySlug(section);
        if (known.isEmpty() || me.workerId() == null) {
            return notFound(model, response);
        }
        return ChangeViews.form(model, known.get(), "ADD", null, emptyValues(known.get()), Map.of());
    }

    @PostMapping("/profile/{section}/new")
    String submitNew(@AuthenticationPrincipal SignedIn me, @PathVariable String section,
                     @RequestParam Map<String, String> form, @RequestParam(required = false) MultipartFile file,
                     HttpSession session, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<EntrySection> known = EntrySection.bySlug(section);
        if (known.isEmpty() || me.workerId() == null) {
            return notFound(model, response);
        }
        return prepare(me, known.get(), "ADD", null, form, file, session, model, response, redirect);
    }

    // --- a correction ----------------------------------------------------------------------------------------------

    @GetMapping("/profile/{section}/{entryId}/edit")
    String edit(@AuthenticationPrincipal SignedIn me, @PathVariable String section, @PathVariable String entryId,
                Model model, HttpServletResponse response) {
        Optional<EntrySection> known = EntrySection.bySlug(section);
        Optional<Held> held = known.flatMap(s -> approvedEntry(me, s, entryId));
        if (held.isEmpty()) {
            return notFound(model, response);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (EntrySection.Field field : known.get().inputs()) {
            JsonNode value = held.get().entry().path(field.name());
            values.put(field.name(), value.isMissingNode() || value.isNull() ? "" : value.asText());
        }
        return ChangeViews.form(model, known.get(), "CORRECT", entryId, values, pendingError(model, held.get()));
    }

    @PostMapping("/profile/{section}/{entryId}/edit")
    String submitCorrection(@AuthenticationPrincipal SignedIn me, @PathVariable String section,
                            @PathVariable String entryId, @RequestParam Map<String, String> form,
                            @RequestParam(required = false) MultipartFile file, HttpSession session,
                            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<EntrySection> known = EntrySection.bySlug(section);
        Optional<Held> held = known.flatMap(s -> approvedEntry(me, s, entryId));
        if (held.isEmpty()) {
            return notFound(model, response);
        }
        if (held.get().pending()) {
            // No code for a change the registry would refuse: one change per entry waits at a time.
            response.setStatus(409);
            return ChangeViews.form(model, known.get(), "CORRECT", entryId, known.get().read(form),
                    pendingError(model, held.get()));
        }
        return prepare(me, known.get(), "CORRECT", entryId, form, file, session, model, response, redirect);
    }

    // --- a removal -------------------------------------------------------------------------------------------------

    @GetMapping("/profile/{section}/{entryId}/remove")
    String remove(@AuthenticationPrincipal SignedIn me, @PathVariable String section, @PathVariable String entryId,
                  Model model, HttpServletResponse response) {
        Optional<EntrySection> known = EntrySection.bySlug(section);
        Optional<Held> held = known.flatMap(s -> approvedEntry(me, s, entryId));
        if (held.isEmpty()) {
            return notFound(model, response);
        }
        return ChangeViews.removal(model, known.get(), entryId, lines(known.get(), held.get().entry()),
                pendingError(model, held.get()));
    }

    @PostMapping("/profile/{section}/{entryId}/remove")
    String submitRemoval(@AuthenticationPrincipal SignedIn me, @PathVariable String section,
                         @PathVariable String entryId, HttpSession session, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        Optional<EntrySection> known = EntrySection.bySlug(section);
        Optional<Held> held = known.flatMap(s -> approvedEntry(me, s, entryId));
        if (held.isEmpty()) {
            return notFound(model, response);
        }
        List<PreparedChange.Line> lines = lines(known.get(), held.get().entry());
        if (held.get().pending()) {
            response.setStatus(409);
            return ChangeViews.removal(model, known.get(), entryId, lines, pendingError(model, held.get()));
        }
        PreparedChange change = PreparedChange.of(known.get(), "REMOVE", entryId, Map.of(), lines);
        try {
            return submission.submit(me, change, session, redirect);
        } catch (ApiProblem refused) {
            if (!ChangeViews.refusedInput(refused)) {
                throw refused;
            }
            response.setStatus(refused.status());
            return ChangeViews.removal(model, known.get(), entryId, lines,
                    RegistryErrors.toFields(refused.fieldErrors(), null));
        }
    }

    // --- the contacts ----------------------------------------------------------------------------------------------

    @GetMapping("/profile/contacts")
    String contacts(@AuthenticationPrincipal SignedIn me, Model model, HttpServletResponse response) {
        if (me.workerId() == null) {
            return notFound(model, response);
        }
        JsonNode worker = platform.as(me, HttpMethod.GET, "/api/registry/workers/{id}", me.workerId()).json();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("email", worker.path("email").asText(""));
        values.put("mobile", worker.path("mobile").asText(""));
        return ChangeViews.contactsForm(model, values, Map.of());
    }

    @PostMapping("/profile/contacts")
    String submitContacts(@AuthenticationPrincipal SignedIn me, @RequestParam Map<String, String> form,
                          HttpSession session, Model model, HttpServletResponse response,
                          RedirectAttributes redirect) {
        if (me.workerId() == null) {
            return notFound(model, response);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("email", form.getOrDefault("email", "").strip());
        String mobile = form.getOrDefault("mobile", "").replaceAll("[\\s()\\-]", "");
        if (mobile.matches("8\\d{10}")) {
            mobile = "+7" + mobile.substring(1);
        }
        values.put("mobile", mobile);
        Map<String, String> errors = validateContacts(values);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return ChangeViews.contactsForm(model, values, errors);
        }
        List<PreparedChange.Line> lines = new ArrayList<>();
        lines.add(new PreparedChange.Line("Электронная почта", values.get("email")));
        lines.add(new PreparedChange.Line("Мобильный телефон",
                values.get("mobile").isEmpty() ? "не указан" : values.get("mobile")));
        PreparedChange change = PreparedChange.of(null, PreparedChange.CONTACTS, null, values, lines);
        try {
            return submission.submit(me, change, session, redirect);
        } catch (ApiProblem refused) {
            if (!ChangeViews.refusedInput(refused)) {
                throw refused;
            }
            response.setStatus(refused.status());
            return ChangeViews.contactsForm(model, values, ChangeViews.contactErrors(refused.fieldErrors()));
        }
    }

    // --- after the step-up -------------------------------------------------------------------------------------------

    /** Right after a change was sent (its flash attribute); opened again later, the profile says where it stands. */
    @GetMapping("/profile/submitted")
    String submitted(Model model) {
        return model.containsAttribute(ChangeSubmission.SUBMITTED) ? "profile/submitted" : "redirect:/profile";
    }

    // --- shared --------------------------------------------------------------------------------------------------

    /**
     * Checks the fields, uploads the chosen scan (only once the fields are right: a refused form would leave it
     * unused), then submits. The scan is attached to the change once the registry gave the change its id
     * ({@link ChangeSubmission}), which may be after the step-up: so the file travels once, now, and only its id
     * waits in the session.
     */
    private String prepare(SignedIn me, EntrySection section, String kind, String entryId, Map<String, String> form,
                           MultipartFile file, HttpSession session, Model model, HttpServletResponse response,
                           RedirectAttributes redirect) {
        Map<String, String> values = section.read(form);
        Map<String, String> errors = section.validate(values, LocalDate.now(clock.withZone(MOSCOW)), this::known);
        boolean scanChosen = DocumentUploads.chosen(file);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            if (scanChosen) {
                // A browser never fills a file field again: say so rather than let the scan go missing.
                errors.put(ChangeViews.SCAN_FIELD, "Файл не отправлен: исправьте ошибки и выберите его ещё раз.");
            }
            return ChangeViews.form(model, section, kind, entryId, values, errors);
        }
        PreparedChange change = PreparedChange.of(section, kind, entryId, values, lines(section, values));
        if (scanChosen) {
            try {
                change = change.withScan(documents.upload(me, file));
            } catch (DocumentUploads.FileRefused refused) {
                response.setStatus(refused.status());
                Map<String, String> scanError = new LinkedHashMap<>();
                scanError.put(ChangeViews.SCAN_FIELD, refused.getMessage());
                return ChangeViews.form(model, section, kind, entryId, values, scanError);
            }
        }
        try {
            return submission.submit(me, change, session, redirect);
        } catch (ApiProblem refused) {
            if (!ChangeViews.refusedInput(refused)) {
                throw refused;
            }
            response.setStatus(refused.status());
            return ChangeViews.form(model, section, kind, entryId, values,
                    RegistryErrors.toFields(refused.fieldErrors(), section));
        }
    }

    private static Map<String, String> validateContacts(Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        String email = values.get("email");
        if (email.isEmpty()) {
            errors.put("email", "Укажите адрес электронной почты.");
        } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.put("email", "Введите адрес в формате name@example.ru.");
        }
        String mobile = values.get("mobile");
        if (!mobile.isEmpty() && !mobile.matches("\\+7\\d{10}")) {
            errors.put("mobile", "Введите номер в формате +79991234567.");
        }
        return errors;
    }

    /** An approved entry, and whether a change of it already awaits moderation. */
    record Held(JsonNode entry, boolean pending) {
    }

    /** The approved entry of this section with this id, from the person's own record; empty if none. */
    private Optional<Held> approvedEntry(SignedIn me, EntrySection section, String entryId) {
        if (me.workerId() == null || !entryId.matches(UUID)) {
            return Optional.empty();
        }
        JsonNode worker = platform.as(me, HttpMethod.GET, "/api/registry/workers/{id}", me.workerId()).json();
        JsonNode entry = worker.path("entries").path(entryId);
        if (entry.isMissingNode() || !section.name().equals(entry.path("section").asText())) {
            return Optional.empty();
        }
        boolean pending = false;
        for (JsonNode item : worker.path("sections").path(section.name())) {
            pending |= entryId.equals(item.path("entryId").asText()) && "PENDING".equals(item.path("status").asText());
        }
        return Optional.of(new Held(entry, pending));
    }

    private static Map<String, String> pendingError(Model model, Held held) {
        if (!held.pending()) {
            return Map.of();
        }
        model.addAttribute("pending", true);
        return Map.of(RegistryErrors.GENERAL,
                "По этой записи уже есть изменение на модерации. Дождитесь решения администратора.");
    }

    /** The entry as the person reads it: each filled field's label and its value in words. */
    private List<PreparedChange.Line> lines(EntrySection section, JsonNode entry) {
        Map<String, String> values = new LinkedHashMap<>();
        for (EntrySection.Field field : section.fields()) {
            JsonNode value = entry.path(field.name());
            values.put(field.name(), value.isMissingNode() || value.isNull() ? "" : value.asText());
        }
        return lines(section, values);
    }

    private List<PreparedChange.Line> lines(EntrySection section, Map<String, String> values) {
        List<PreparedChange.Line> lines = new ArrayList<>();
        for (EntrySection.Field field : section.fields()) {
            String value = values.getOrDefault(field.name(), "");
            if (section == EntrySection.ACCREDITATION && "endDate".equals(field.name()) && value.isEmpty()) {
                // The registry will set it so; shown so the person sees what they confirm.
                value = EntrySection.parseDate(values.getOrDefault("protocolDate", ""))
                        .map(date -> date.plusYears(5).toString()).orElse("");
            }
            if (value.isEmpty()) {
                continue;
            }
            String shown = switch (field.type()) {
                case SELECT -> dictionaries.name(field.dictionary(), value);
                case DATE, COMPUTED -> formats.date(value);
                default -> value;
            };
            lines.add(new PreparedChange.Line(field.label(), shown));
        }
        return lines;
    }

    private Map<String, String> emptyValues(EntrySection section) {
        Map<String, String> values = new LinkedHashMap<>();
        section.inputs().forEach(field -> values.put(field.name(), ""));
        return values;
    }

    private boolean known(String dictionary, String code) {
        return dictionaries.items(dictionary).stream().anyMatch(item -> item.code().equals(code));
    }

    private String notFound(Model model, HttpServletResponse response) {
        response.setStatus(404);
        return errorPage.render(model, 404, null);
    }
}
