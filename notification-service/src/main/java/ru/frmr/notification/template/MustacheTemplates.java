package ru.frmr.notification.template;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.notification.notice.NoticeKind;
import ru.frmr.notification.notice.RenderedNotice;
import ru.frmr.notification.notice.Templates;

/**
 * The notice templates under {@code <root>/<KIND>/<channel>.v<N>.mustache}, loaded and checked once: every kind has
 * an e-mail and an inbox template, only the highest version of each is used, every field a template uses is one
 * its kind declares, e-mail and inbox texts start with «Тема: …» and a blank line, and an SMS takes at most
 * {@code maxSmsSegments} parts with every field at its maximum length. Any breach throws, naming the file and the
 * field, so a broken template stops the service at start instead of when a licence expires.
 */
public final class MustacheTemplates implements Templates {

    static final String SUBJECT_PREFIX = "Тема: ";
    private static final Pattern FILE = Pattern.compile(".*/([A-Z_]+)/([a-z]+)\\.v([0-9]+)\\.mustache$");
    // Texts, not HTML: no escaping; a field the notice does not carry renders empty.
    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).defaultValue("")
            .emptyStringIsFalse(true);

    private final Map<NoticeKind, Map<NotificationChannel, Loaded>> templates;
    private final NoticeFields fields;

    private MustacheTemplates(Map<NoticeKind, Map<NotificationChannel, Loaded>> templates, NoticeFields fields) {
        this.templates = templates;
        this.fields = fields;
    }

    /** One checked template. */
    public record Loaded(NoticeKind kind, NotificationChannel channel, int version, String file,
                         List<String> fields, Template subject, Template body, int maxSegments) {
    }

    /** @param root a classpath folder, e.g. {@code templates/notices} */
    public static MustacheTemplates load(String root, NoticeFields fields, int maxSmsSegments) {
        record Newest(int version, String path, Resource resource) {
        }
        Map<NoticeKind, Map<NotificationChannel, Newest>> newest = new EnumMap<>(NoticeKind.class);
        for (Resource resource : resources(root)) {
            String path = path(resource);
            Matcher m = FILE.matcher(path);
            if (!m.matches()) {
                throw new TemplateException(path, "is not named <KIND>/<email|sms|inbox>.v<N>.mustache");
            }
            NoticeKind kind = parse(NoticeKind.class, m.group(1), path);
            NotificationChannel channel = parse(NotificationChannel.class, m.group(2).toUpperCase(), path);
            int version = Integer.parseInt(m.group(3));
            Newest current = newest.getOrDefault(kind, Map.of()).get(channel);
            if (current == null || current.version() < version) {
                newest.computeIfAbsent(kind, k -> new EnumMap<>(NotificationChannel.class))
                        .put(channel, new Newest(version, path, resource));
            }
        }
        // Only the version in use is checked: an older one stays in the tree as the record of what was sent.
        Map<NoticeKind, Map<NotificationChannel, Loaded>> found = new EnumMap<>(NoticeKind.class);
        newest.forEach((kind, byChannel) -> byChannel.forEach((channel, n) -> found
                .computeIfAbsent(kind, k -> new EnumMap<>(NotificationChannel.class))
                .put(channel, check(kind, channel, n.version(), n.path(), read(n.resource()), fields,
                        maxSmsSegments))));
        for (NoticeKind kind : NoticeKind.values()) {
            for (NotificationChannel required : List.of(NotificationChannel.EMAIL, NotificationChannel.INBOX)) {
                if (!found.getOrDefault(kind, Map.of()).containsKey(required)) {
                    throw new TemplateException(root + "/" + kind + "/" + required.name().toLowerCase()
                            + ".v1.mustache", "is missing: every kind needs an e-mail and an inbox template");
                }
            }
        }
        return new MustacheTemplates(found, fields);
    }

    private static Loaded check(NoticeKind kind, NotificationChannel channel, int version, String path, String text,
                                NoticeFields fields, int maxSmsSegments) {
        Map<String, Integer> declared = fields.of(kind);
        String subjectText = null;
        String bodyText = text.strip();
        if (channel != NotificationChannel.SMS) {
            int firstBreak = text.indexOf('\n');
            String first = firstBreak < 0 ? text : text.substring(0, firstBreak);
            if (!first.startsWith(SUBJECT_PREFIX) || first.substring(SUBJECT_PREFIX.length()).isBlank()) {
                throw new TemplateException(path, "must start with a line «" + SUBJECT_PREFIX + "…»");
            }
            String rest = text.substring(firstBreak + 1);
            if (!rest.startsWith("\n") && !rest.startsWith("\r\n")) {
                throw new TemplateException(path, "needs a blank line between the subject and the body");
            }
            subjectText = first.substring(SUBJECT_PREFIX.length()).strip();
            bodyText = rest.strip();
        }
        Template subject = subjectText == null ? null : compile(path, subjectText);
        Template body = compile(path, bodyText);
        List<String> used = new ArrayList<>();
        for (Template t : subject == null ? List.of(body) : List.of(subject, body)) {
            t.visit(new FieldCollector(path, declared, used));
        }
        int segments = 0;
        if (channel == NotificationChannel.SMS) {
            Map<String, String> longest = new HashMap<>();
            declared.forEach((name, max) -> longest.put(name, "Ж".repeat(max)));
            // Sections show with their fields set and hide without: the worst case is one of the two.
            segments = Math.max(SmsSegments.count(body.execute(longest).strip()),
                    SmsSegments.count(body.execute(Map.of()).strip()));
            if (segments > maxSmsSegments) {
                throw new TemplateException(path, "takes " + segments + " SMS parts with its fields at their "
                        + "maximum length " + used + "; at most " + maxSmsSegments + " allowed");
            }
        }
        return new Loaded(kind, channel, version, path, List.copyOf(used), subject, body, segments);
    }

    /** Records the fields a template uses; an undeclared one fails the load naming it. */
    private record FieldCollector(String path, Map<String, Integer> declared, List<String> used)
            implements Mustache.Visitor {

        @Override
        public void visitText(String text) {
        }

        @Override
        public void visitVariable(String name) {
            use(name);
        }

        @Override
        public boolean visitInclude(String name) {
            throw new TemplateException(path, "includes «" + name + "»: templates are self-contained");
        }

        @Override
        public boolean visitSection(String name) {
            use(name);
            return true;
        }

        @Override
        public boolean visitInvertedSection(String name) {
            use(name);
            return true;
        }

        private void use(String name) {
            if (!declared.containsKey(name)) {
                throw new TemplateException(path, "uses the field «" + name + "», which its kind does not declare "
                        + "(declared: " + declared.keySet().stream().sorted().toList() + ")");
            }
            if (!used.contains(name)) {
                used.add(name);
            }
        }
    }

    @Override
    public RenderedNotice render(NoticeKind kind, NotificationChannel channel, Map<String, String> values) {
        Loaded t = loaded(kind, channel).orElseThrow(() -> new IllegalArgumentException(
                "no " + channel + " template for " + kind));
        Map<String, String> cut = new HashMap<>();
        fields.of(kind).forEach((name, max) -> {
            String value = values.get(name);
            if (value != null) {
                cut.put(name, cut(value, max));
            }
        });
        String body = t.body().execute(cut).strip();
        String subject = t.subject() == null ? null : t.subject().execute(cut).strip();
        int segments = channel == NotificationChannel.SMS ? SmsSegments.count(body) : 0;
        return new RenderedNotice(subject, body, t.version(), segments);
    }

    /** At most {@code max} UTF-16 units, an ellipsis last when cut; never half of a surrogate pair. */
    static String cut(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "…";
    }

    @Override
    public boolean has(NoticeKind kind, NotificationChannel channel) {
        return loaded(kind, channel).isPresent();
    }

    public Optional<Loaded> loaded(NoticeKind kind, NotificationChannel channel) {
        return Optional.ofNullable(templates.getOrDefault(kind, Map.of()).get(channel));
    }

    /** Every template in use, by kind and channel. */
    public List<Loaded> all() {
        return templates.values().stream().flatMap(m -> m.values().stream())
                .sorted(Comparator.comparing(Loaded::kind).thenComparing(Loaded::channel)).toList();
    }

    private static Template compile(String path, String text) {
        try {
            return COMPILER.compile(text);
        } catch (MustacheException e) {
            throw new TemplateException(path, "does not parse: " + e.getMessage());
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String path) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(path, "names an unknown " + type.getSimpleName() + " «" + name + "»");
        }
    }

    private static Resource[] resources(String root) {
        try {
            return new PathMatchingResourcePatternResolver().getResources("classpath*:" + root + "/**/*.mustache");
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the templates under " + root, e);
        }
    }

    private static String path(Resource resource) {
        try {
            return resource.getURL().toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
