package ru.frmr.portal.web.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import ru.frmr.portal.web.Formats;

/**
 * Turns the registry's record of a worker ({@code GET /api/registry/workers/{id}}, docs/cabinet-api.md) into what
 * the profile page shows: every field in words, codes by their dictionary names, statuses and licence terms
 * spelled out, and the links to change what may be changed.
 */
final class RecordPresenter {

    /** A licence ending within this many days is marked as ending soon. */
    static final long SOON_DAYS = 90;
    static final String ERASED = "Сведения удалены по запросу";
    static final String NONE = "Нет сведений";

    /** One labelled value. */
    record Fact(String label, String value) {
    }

    /**
     * One line of a section.
     *
     * @param status     the registry's status: APPROVED, PENDING or REJECTED
     * @param statusText the status in words («Отклонено: <причина>» with the reason)
     * @param note       when and what was asked or decided, in words; null when there is nothing to say
     * @param expiry     for an approved licence: its end and the days left (or when it ended); null otherwise
     * @param expiryTone {@code ok}, {@code soon} or {@code past}
     * @param editLink   the correction form, null when the line cannot be changed now; likewise removeLink
     */
    record EntryView(String entryId, String status, String title, String statusText, String badge, String note,
                     List<Fact> facts, String expiry, String expiryTone, String editLink, String removeLink) {
    }

    record SectionView(String slug, String title, String hint, String addLink, List<EntryView> entries) {
    }

    /** A status in words and the badge that marks it. */
    record Status(String text, String badge) {
    }

    /** An employment as the employer reported it (read-only). */
    record EmploymentView(String organization, boolean current, List<Fact> facts) {
    }

    private final Formats fmt;
    private final CodeNames names;

    RecordPresenter(Formats fmt, CodeNames names) {
        this.fmt = fmt;
        this.names = names;
    }

    /**
     * @param changesAllowed whether the person may ask for changes now (not while the account is blocked): the
     *                       links to the forms are left out otherwise
     */
    List<SectionView> sections(JsonNode record, boolean changesAllowed) {
        List<SectionView> sections = new ArrayList<>();
        for (RecordLayout layout : RecordLayout.values()) {
            JsonNode items = record.path("sections").path(layout.name());
            Set<String> busy = new HashSet<>();
            items.forEach(item -> {
                if ("PENDING".equals(item.path("status").asText())) {
                    busy.add(item.path("entryId").asText());
                }
            });
            List<EntryView> entries = new ArrayList<>();
            items.forEach(item -> entries.add(entry(layout, item, busy, changesAllowed)));
            sections.add(new SectionView(layout.slug(), layout.title(), layout.hint(),
                    changesAllowed ? "/profile/" + layout.slug() + "/new" : null, List.copyOf(entries)));
        }
        return sections;
    }

    private EntryView entry(RecordLayout layout, JsonNode item, Set<String> busy, boolean changesAllowed) {
        String entryId = item.path("entryId").asText();
        String status = item.path("status").asText();
        JsonNode entry = item.path("entry");
        String kind = changeKind(item.path("changeKind").asText(null));
        String statusText;
        String badge;
        String note;
        switch (status) {
            case "APPROVED" -> {
                statusText = "Подтверждено";
                badge = "badge-ok";
                note = busy.contains(entryId) ? "Изменение этой записи на модерации." : null;
            }
            case "PENDING" -> {
                statusText = "На модерации";
                badge = "badge-warn";
                note = kind == null ? null : kind + " отправлено " + fmt.dateTime(text(item, "submittedAt"));
            }
            case "REJECTED" -> {
                String reason = text(item, "reason");
                statusText = reason == null ? "Отклонено" : "Отклонено: " + reason;
                badge = "badge-bad";
                note = kind == null ? null : kind + " отклонено " + fmt.dateTime(text(item, "decidedAt"));
            }
            default -> {
                statusText = status;
                badge = "badge-info";
                note = null;
            }
        }
        String expiry = null;
        String tone = null;
        String endDate = text(item, "endDate");
        if ("APPROVED".equals(status) && endDate != null) {
            Long days = item.path("expiresInDays").isIntegralNumber() ? item.path("expiresInDays").asLong()
                    : fmt.daysUntil(endDate);
            if (days != null) {
                expiry = expiry(layout, endDate, days);
                tone = days < 0 ? "past" : days <= SOON_DAYS ? "soon" : "ok";
            }
        }
        boolean changeable = changesAllowed && "APPROVED".equals(status) && !busy.contains(entryId);
        String base = "/profile/" + layout.slug() + "/" + entryId;
        return new EntryView(entryId, status, entry.isObject() ? title(layout, entry) : "Запись удалена из профиля",
                statusText, badge, note, facts(layout, entry), expiry, tone,
                changeable ? base + "/edit" : null, changeable ? base + "/remove" : null);
    }

    private String expiry(RecordLayout layout, String endDate, long days) {
        if (days < 0) {
            return (layout.masculine() ? "Истёк " : "Истекла ") + fmt.date(endDate);
        }
        String left = days == 0 ? "истекает сегодня" : "истекает через " + fmt.days(days);
        return "Действует до " + fmt.date(endDate) + ", " + left;
    }

    /** What the entry is, in a few words: «Периодическая аккредитация: Терапия». */
    String title(RecordLayout layout, JsonNode entry) {
        String specialty = names.name("specialties", text(entry, "specialtyCode"));
        String head = switch (layout) {
            case EDUCATION -> specialty != null ? specialty : text(entry, "institution");
            case POSTGRADUATE_EDUCATION -> names.name("postgraduate-programs", text(entry, "programKind"));
            case ADDITIONAL_EDUCATION -> text(entry, "courseName");
            case CERTIFICATES -> "Сертификат специалиста";
            case ACCREDITATION -> names.name("accreditation-kinds", text(entry, "kind"));
            case QUALIFICATION_CATEGORIES -> names.name("qualification-categories", text(entry, "category"));
        };
        boolean withSpecialty = layout != RecordLayout.EDUCATION && layout != RecordLayout.ADDITIONAL_EDUCATION
                && specialty != null;
        if (head == null) {
            return specialty != null ? specialty : layout.title();
        }
        return withSpecialty ? head + ": " + specialty : head;
    }

    /** Every field the entry has, in the section's order; absent ones are left out. */
    List<Fact> facts(RecordLayout layout, JsonNode entry) {
        List<Fact> facts = new ArrayList<>();
        if (!entry.isObject()) {
            return facts;
        }
        for (RecordLayout.Field field : layout.fields()) {
            String value = text(entry, field.name());
            if (value == null) {
                continue;
            }
            facts.add(new Fact(field.label(), switch (field.kind()) {
                case DATE -> fmt.date(value);
                case CODE -> names.name(field.dictionary(), value);
                case TEXT -> value;
            }));
        }
        return List.copyOf(facts);
    }

    /** The employments, those that last first, then by start, newest first. */
    List<EmploymentView> employments(JsonNode record) {
        List<JsonNode> all = new ArrayList<>();
        record.path("employments").forEach(all::add);
        all.sort(Comparator.comparing((JsonNode e) -> text(e, "endDate") != null)
                .thenComparing(e -> text(e, "startDate"), Comparator.nullsLast(Comparator.reverseOrder())));
        List<EmploymentView> shown = new ArrayList<>();
        for (JsonNode e : all) {
            List<Fact> facts = new ArrayList<>();
            String position = text(e, "positionName");
            add(facts, "Должность", position != null ? position : names.name("positions", text(e, "positionCode")));
            add(facts, "Подразделение", text(e, "department"));
            add(facts, "Регион", text(e, "regionName") != null ? text(e, "regionName")
                    : names.name("regions", text(e, "regionCode")));
            add(facts, "Вид занятости", names.name("employment-contract-kinds", text(e, "contractKind")));
            add(facts, "Ставка", rate(e.path("rate")));
            boolean current = text(e, "endDate") == null;
            add(facts, "Период работы", "с " + fmt.date(text(e, "startDate")) + " по "
                    + (current ? "настоящее время" : fmt.date(text(e, "endDate"))));
            String organization = text(e, "organizationName");
            shown.add(new EmploymentView(organization != null ? organization : "Организация", current,
                    List.copyOf(facts)));
        }
        return shown;
    }

    /** The person's own data from ESIA; what was erased on request is said to be so. */
    List<Fact> personal(JsonNode record) {
        boolean erased = record.path("personalDataErased").asBoolean(false);
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Фамилия, имя, отчество", fmt.fullName(text(record, "lastName"),
                text(record, "firstName"), text(record, "middleName"))));
        facts.add(new Fact("Дата рождения", fmt.date(text(record, "birthDate"))));
        facts.add(new Fact("Пол", gender(text(record, "gender"))));
        facts.add(new Fact("Гражданство", citizenship(text(record, "citizenship"))));
        facts.add(new Fact("СНИЛС", erased ? ERASED : orNone(text(record, "snils"))));
        facts.add(new Fact("ИНН", erased ? ERASED : orNone(text(record, "inn"))));
        facts.add(new Fact("Документ, удостоверяющий личность",
                erased ? ERASED : identityDocument(record.path("identityDocument"))));
        return facts;
    }

    List<Fact> contacts(JsonNode record) {
        boolean erased = record.path("personalDataErased").asBoolean(false);
        return List.of(new Fact("Электронная почта", erased ? ERASED : orNone(text(record, "email"))),
                new Fact("Мобильный телефон", erased ? ERASED : orNone(text(record, "mobile"))));
    }

    private String identityDocument(JsonNode document) {
        if (!document.isObject()) {
            return NONE;
        }
        String type = text(document, "type");
        StringBuilder shown = new StringBuilder("RF_PASSPORT".equals(type) ? "Паспорт гражданина Российской Федерации"
                : "FID_DOC".equals(type) ? "Документ иностранного гражданина" : type == null ? "Документ" : type);
        String series = text(document, "series");
        String number = text(document, "number");
        if (series != null) {
            shown.append(", серия ").append(series);
        }
        if (number != null) {
            shown.append(", № ").append(number);
        }
        String issuedBy = text(document, "issuedBy");
        String issueDate = text(document, "issueDate");
        if (issuedBy != null || issueDate != null) {
            shown.append(", выдан");
            if (issuedBy != null) {
                shown.append(' ').append(issuedBy);
            }
            if (issueDate != null) {
                shown.append(' ').append(fmt.date(issueDate));
            }
        }
        String issuerCode = text(document, "issuerCode");
        if (issuerCode != null) {
            shown.append(", код подразделения ").append(issuerCode);
        }
        return shown.toString();
    }

    private static String gender(String code) {
        if (code == null) {
            return NONE;
        }
        return switch (code) {
            case "F" -> "Женский";
            case "M" -> "Мужской";
            default -> code;
        };
    }

    private static String citizenship(String code) {
        if (code == null) {
            return NONE;
        }
        // ESIA gives ISO 3166-1 alpha-3; the registry holds no country dictionary, so only Russia gets its name.
        return "RUS".equals(code) ? "Российская Федерация" : code;
    }

    /** The account's status in words with its badge. */
    static Status accountStatus(String status) {
        if (status == null) {
            return new Status(NONE, "badge-info");
        }
        return switch (status) {
            case "ACTIVE" -> new Status("Активна", "badge-ok");
            case "BLOCKED" -> new Status("Заблокирована", "badge-bad");
            case "PENDING_VERIFICATION" -> new Status("Ожидает подтверждения", "badge-warn");
            default -> new Status(status, "badge-info");
        };
    }

    private static String changeKind(String kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case "ADD" -> "Добавление";
            case "CORRECT" -> "Исправление";
            case "REMOVE" -> "Удаление";
            default -> null;
        };
    }

    private static String rate(JsonNode rate) {
        if (!rate.isNumber()) {
            return null;
        }
        return rate.decimalValue().stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static void add(List<Fact> facts, String label, String value) {
        if (value != null && !"—".equals(value)) {
            facts.add(new Fact(label, value));
        }
    }

    private static String orNone(String value) {
        return value == null ? NONE : value;
    }

    /** The field's text, null when it is absent, null or blank. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }
}
