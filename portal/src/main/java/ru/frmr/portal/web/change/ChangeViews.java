package ru.frmr.portal.web.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.ui.Model;

import ru.frmr.portal.api.ApiProblem;

/** The change pages' models: the entry form, the removal's confirmation, the contacts form. */
final class ChangeViews {

    /** The form's file field (a scan supporting the change); its errors are keyed so too. */
    static final String SCAN_FIELD = "file";

    private ChangeViews() {
    }

    /** One field as the form template shows it. */
    record FieldView(EntrySection.Field field, String value, String error, String describedBy) {
    }

    /** The form again after the registry refused a field of the change the step-up confirmed. */
    static String refusedAfterStepUp(PreparedChange change, ApiProblem refused, Model model) {
        if (change.contacts()) {
            return contactsForm(model, change.values(), contactErrors(refused.fieldErrors()));
        }
        EntrySection section = change.entrySection();
        if ("REMOVE".equals(change.kind())) {
            return removal(model, section, change.entryId(), change.lines(),
                    RegistryErrors.toFields(refused.fieldErrors(), null));
        }
        return form(model, section, change.kind(), change.entryId(), change.values(),
                RegistryErrors.toFields(refused.fieldErrors(), section));
    }

    static boolean refusedInput(ApiProblem refused) {
        return refused.status() == 400 || refused.status() == 422 || refused.status() == 409;
    }

    static String form(Model model, EntrySection section, String kind, String entryId, Map<String, String> values,
                        Map<String, String> errors) {
        List<FieldView> fields = new ArrayList<>();
        for (EntrySection.Field field : section.inputs()) {
            String error = errors.get(field.name());
            List<String> described = new ArrayList<>();
            if (field.hint() != null || field.isDate()) {
                described.add(field.name() + "-hint");
            }
            if (error != null) {
                described.add(field.name() + "-error");
            }
            fields.add(new FieldView(field, values.getOrDefault(field.name(), ""), error,
                    described.isEmpty() ? null : String.join(" ", described)));
        }
        boolean correct = "CORRECT".equals(kind);
        model.addAttribute("section", section);
        model.addAttribute("fields", fields);
        model.addAttribute("errors", errors);
        model.addAttribute("generalError", errors.get(RegistryErrors.GENERAL));
        model.addAttribute("kind", kind);
        model.addAttribute("heading", (correct ? "Исправление записи: " : "Новая запись: ") + section.title());
        model.addAttribute("action", "/profile/" + section.slug() + (correct ? "/" + entryId + "/edit" : "/new"));
        model.addAttribute("scanError", errors.get(SCAN_FIELD));
        return "profile/change-form";
    }

    static String removal(Model model, EntrySection section, String entryId, List<PreparedChange.Line> lines,
                           Map<String, String> errors) {
        model.addAttribute("section", section);
        model.addAttribute("lines", lines);
        model.addAttribute("errors", errors);
        model.addAttribute("action", "/profile/" + section.slug() + "/" + entryId + "/remove");
        return "profile/change-remove";
    }

    static String contactsForm(Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "profile/contacts";
    }

    static Map<String, String> contactErrors(Map<String, String> registryErrors) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (registryErrors.containsKey("email")) {
            errors.put("email", "Введите адрес в формате name@example.ru.");
        }
        if (registryErrors.containsKey("mobile")) {
            errors.put("mobile", "Введите номер в формате +79991234567.");
        }
        if (errors.isEmpty()) {
            errors.put(RegistryErrors.GENERAL, "Регистр не принял изменение. Проверьте сведения и повторите.");
        }
        return errors;
    }
}
