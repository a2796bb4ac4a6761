package ru.frmr.portal.web.change;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The sections of the professional record a worker changes, with the fields of the registry's entry records
 * ({@code registry-service api/*Entry}) and the rules of its {@code EntryRules}, checked here first so that the
 * person reads a Russian message next to the field before anything is sent. The registry checks them again.
 */
enum EntrySection {

    EDUCATION("education", "Образование", List.of(
            Field.text("institution", "Образовательная организация", 300, true),
            Field.select("documentKind", "Вид документа", "document-kinds", true),
            Field.text("diplomaSeries", "Серия диплома", 30, false),
            Field.text("diplomaNumber", "Номер диплома", 30, true),
            Field.date("diplomaDate", "Дата выдачи диплома", true, true),
            Field.select("specialtyCode", "Специальность", "specialties", true),
            Field.text("qualification", "Квалификация", 300, true),
            Field.select("levelCode", "Уровень образования", "education-levels", true)),
            List.of()),

    POSTGRADUATE_EDUCATION("postgraduate-education", "Послевузовское образование", List.of(
            Field.select("programKind", "Программа", "postgraduate-programs", true),
            Field.text("institution", "Образовательная организация", 300, true),
            Field.select("specialtyCode", "Специальность", "specialties", false)
                    .withHint("Обязательна для интернатуры и ординатуры."),
            Field.date("startDate", "Дата начала обучения", true, false),
            Field.date("endDate", "Дата окончания обучения", true, true),
            Field.text("documentSeries", "Серия документа", 30, false),
            Field.text("documentNumber", "Номер документа", 30, true),
            Field.date("documentDate", "Дата выдачи документа", true, true),
            Field.text("qualification", "Квалификация", 300, false)),
            List.of(new Order("endDate", "startDate", true, "Дата окончания должна быть позже даты начала."),
                    new Order("documentDate", "endDate", false,
                            "Документ не может быть выдан раньше окончания обучения."))),

    ADDITIONAL_EDUCATION("additional-education", "Дополнительное образование", List.of(
            Field.select("kind", "Вид программы", "additional-education-kinds", true),
            Field.text("courseName", "Название программы", 300, true),
            Field.number("hours", "Объём программы, академических часов", true)
                    .withHint("Повышение квалификации — от 16 часов, переподготовка — от 250 часов."),
            Field.text("institution", "Образовательная организация", 300, true),
            Field.select("specialtyCode", "Специальность", "specialties", false)
                    .withHint("Обязательна для профессиональной переподготовки."),
            Field.date("startDate", "Дата начала обучения", true, false),
            Field.date("endDate", "Дата окончания обучения", true, true),
            Field.select("documentKind", "Вид документа", "additional-education-documents", true),
            Field.text("documentSeries", "Серия документа", 30, false),
            Field.text("documentNumber", "Номер документа", 30, true),
            Field.date("documentDate", "Дата выдачи документа", true, true)),
            List.of(new Order("endDate", "startDate", false, "Дата окончания не может быть раньше даты начала."),
                    new Order("documentDate", "endDate", false,
                            "Документ не может быть выдан раньше окончания обучения."))),

    CERTIFICATES("certificates", "Сертификат специалиста", List.of(
            Field.text("series", "Серия сертификата", 30, false),
            Field.text("number", "Номер сертификата", 30, true),
            Field.date("examDate", "Дата экзамена", true, true),
            Field.date("endDate", "Действует до", true, false),
            Field.select("specialtyCode", "Специальность", "specialties", true)),
            List.of(new Order("endDate", "examDate", true, "Дата окончания должна быть позже даты экзамена."))),

    ACCREDITATION("accreditation", "Аккредитация", List.of(
            Field.select("kind", "Вид аккредитации", "accreditation-kinds", true),
            Field.text("protocolNumber", "Номер протокола", 30, true),
            Field.date("protocolDate", "Дата протокола", true, true)
                    .withHint("Аккредитация действует 5 лет с даты протокола; срок рассчитает регистр."),
            Field.select("specialtyCode", "Специальность", "specialties", true),
            Field.computed("endDate", "Действует до")),
            List.of()),

    QUALIFICATION_CATEGORIES("qualification-categories", "Квалификационная категория", List.of(
            Field.select("category", "Категория", "qualification-categories", true),
            Field.select("specialtyCode", "Специальность", "specialties", true),
            Field.date("startDate", "Дата присвоения", true, true),
            Field.date("endDate", "Действует до", true, false)),
            List.of(new Order("endDate", "startDate", true, "Дата окончания должна быть позже даты присвоения.")));

    /** Free text is shown to administrators and in the public register: no markup, no control characters. */
    private static final Pattern PLAIN_TEXT = Pattern.compile("[^<>\\p{Cntrl}]*");
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    /** The registry's bounds of a programme's hours (AdditionalEducationKind, EntryRules). */
    private static final int MAX_PROGRAM_HOURS = 3000;
    private static final Map<String, Integer> MINIMUM_HOURS = Map.of("QUALIFICATION_UPGRADE", 16,
            "PROFESSIONAL_RETRAINING", 250);

    private final String slug;
    private final String title;
    private final List<Field> fields;
    private final List<Order> orders;

    EntrySection(String slug, String title, List<Field> fields, List<Order> orders) {
        this.slug = slug;
        this.title = title;
        this.fields = fields;
        this.orders = orders;
    }

    enum Type { TEXT, DATE, SELECT, NUMBER, COMPUTED }

    /**
     * One field of an entry; its {@code name} is the entry record's property, the form field's name and the
     * HTML id the error summary links to.
     *
     * @param past for dates of something that has happened: not after today
     */
    record Field(String name, String label, Type type, String dictionary, boolean required, int maxLength,
                 boolean past, String hint) {

        static Field text(String name, String label, int maxLength, boolean required) {
            return new Field(name, label, Type.TEXT, null, required, maxLength, false, null);
        }

        static Field select(String name, String label, String dictionary, boolean required) {
            return new Field(name, label, Type.SELECT, dictionary, required, 0, false, null);
        }

        static Field date(String name, String label, boolean required, boolean past) {
            return new Field(name, label, Type.DATE, null, required, 0, past, null);
        }

        static Field number(String name, String label, boolean required) {
            return new Field(name, label, Type.NUMBER, null, required, 0, false, null);
        }

        /** Shown, never entered: the registry sets it. */
        static Field computed(String name, String label) {
            return new Field(name, label, Type.COMPUTED, null, false, 0, false, null);
        }

        Field withHint(String text) {
            return new Field(name, label, type, dictionary, required, maxLength, past, text);
        }

        public boolean entered() {
            return type != Type.COMPUTED;
        }

        public boolean isSelect() {
            return type == Type.SELECT;
        }

        public boolean isDate() {
            return type == Type.DATE;
        }

        public boolean isNumber() {
            return type == Type.NUMBER;
        }

        public boolean isText() {
            return type == Type.TEXT;
        }
    }

    /** A date that must come after (or, not {@code strict}, not before) another. */
    record Order(String later, String earlier, boolean strict, String message) {
    }

    static Optional<EntrySection> bySlug(String slug) {
        return Arrays.stream(values()).filter(s -> s.slug.equals(slug)).findFirst();
    }

    /** The section whose entries carry this {@code section} in the registry's JSON. */
    static Optional<EntrySection> byApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    List<Field> fields() {
        return fields;
    }

    List<Field> inputs() {
        return fields.stream().filter(Field::entered).toList();
    }

    Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** What the person typed, trimmed, dates as ISO where they could be read (the form shows them back). */
    Map<String, String> read(Map<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : inputs()) {
            String value = form.getOrDefault(field.name(), "");
            value = value == null ? "" : value.strip();
            if (field.isDate()) {
                value = parseDate(value).map(LocalDate::toString).orElse(value);
            }
            values.put(field.name(), value);
        }
        return values;
    }

    /**
     * The errors of the values, field name -> Russian message, in the order of the form; empty when the entry may
     * be sent.
     *
     * @param known whether a code is in a field's dictionary
     */
    Map<String, String> validate(Map<String, String> values, LocalDate today, Codes known) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Field field : inputs()) {
            String value = values.getOrDefault(field.name(), "");
            if (value.isEmpty()) {
                if (field.required()) {
                    errors.put(field.name(), field.isSelect() ? "Выберите «" + field.label() + "» из списка."
                            : "Укажите «" + field.label() + "».");
                }
                continue;
            }
            switch (field.type()) {
                case TEXT -> {
                    if (value.length() > field.maxLength()) {
                        errors.put(field.name(), "Не более " + field.maxLength() + " символов.");
                    } else if (!PLAIN_TEXT.matcher(value).matches()) {
                        errors.put(field.name(), "Уберите символы < и >.");
                    }
                }
                case SELECT -> {
                    if (!known.test(field.dictionary(), value)) {
                        errors.put(field.name(), "Выберите значение из списка.");
                    }
                }
                case DATE -> {
                    Optional<LocalDate> date = parseDate(value);
                    if (date.isEmpty()) {
                        errors.put(field.name(), "Введите дату в формате ДД.ММ.ГГГГ.");
                    } else if (field.past() && date.get().isAfter(today)) {
                        errors.put(field.name(), "Дата не может быть позже сегодняшней.");
                    } else if (date.get().getYear() < 1900) {
                        errors.put(field.name(), "Проверьте год.");
                    }
                }
                case NUMBER -> {
                    if (!value.matches("\\d{1,5}")) {
                        errors.put(field.name(), "Укажите целое число часов.");
                    }
                }
                default -> {
                }
            }
        }
        for (Order order : orders) {
            if (errors.containsKey(order.later()) || errors.containsKey(order.earlier())) {
                continue;
            }
            Optional<LocalDate> later = parseDate(values.getOrDefault(order.later(), ""));
            Optional<LocalDate> earlier = parseDate(values.getOrDefault(order.earlier(), ""));
            if (later.isPresent() && earlier.isPresent() && (order.strict()
                    ? !later.get().isAfter(earlier.get()) : later.get().isBefore(earlier.get()))) {
                errors.put(order.later(), order.message());
            }
        }
        if (this == ADDITIONAL_EDUCATION) {
            additional(values, errors);
        }
        return reorder(errors);
    }

    /** The hours each kind of programme must have, and the specialty a переподготовка qualifies for. */
    private static void additional(Map<String, String> values, Map<String, String> errors) {
        Integer minimum = MINIMUM_HOURS.get(values.get("kind"));
        String hours = values.getOrDefault("hours", "");
        if (minimum != null && !errors.containsKey("hours") && !hours.isEmpty()) {
            int count = Integer.parseInt(hours);
            if (count < minimum || count > MAX_PROGRAM_HOURS) {
                errors.put("hours", "Для этого вида программы — от " + minimum + " до " + MAX_PROGRAM_HOURS
                        + " академических часов.");
            }
        }
        if ("PROFESSIONAL_RETRAINING".equals(values.get("kind")) && values.getOrDefault("specialtyCode", "").isEmpty()
                && !errors.containsKey("specialtyCode")) {
            errors.put("specialtyCode", "Выберите специальность, по которой пройдена переподготовка.");
        }
    }

    /** The summary lists errors in the order of the fields, as the person reads the form. */
    private Map<String, String> reorder(Map<String, String> errors) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (Field field : fields) {
            if (errors.containsKey(field.name())) {
                ordered.put(field.name(), errors.get(field.name()));
            }
        }
        return ordered;
    }

    /**
     * The registry's entry JSON ({@code "section"} first); blank optional fields left out; the accreditation's
     * end date never sent (the registry sets it).
     */
    Map<String, Object> entry(Map<String, String> values) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("section", name());
        for (Field field : inputs()) {
            String value = values.getOrDefault(field.name(), "");
            if (!value.isEmpty()) {
                entry.put(field.name(), field.isNumber() ? Integer.valueOf(value) : value);
            }
        }
        return entry;
    }

    /** An ISO date (what {@code <input type=date>} sends) or ДД.ММ.ГГГГ (typed where the browser has no picker). */
    static Optional<LocalDate> parseDate(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.contains(".") ? LocalDate.parse(value, RUSSIAN_DATE) : LocalDate.parse(value));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    /** Whether a dictionary holds a code. */
    @FunctionalInterface
    interface Codes {
        boolean test(String dictionary, String code);
    }
}
