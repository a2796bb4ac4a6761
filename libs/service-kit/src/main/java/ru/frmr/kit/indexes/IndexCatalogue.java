package ru.frmr.kit.indexes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Which declared index serves each recorded query shape on a real MongoDB ({@link QueryShapeRecorder} writes the
 * input), as a catalogue people read and a list of the shapes no index serves.
 *
 * <p>The rule is MongoDB's Equality-Sort-Range rule, applied to the declared indexes (the embedded Mongo server of the
 * tests accepts non-unique indexes but never uses them, so nothing measured there could show this): MongoDB uses an
 * index for a query when the index's leading keys are fields the query compares for equality (or {@code $in}), or
 * its first key is one the query compares by range, or, for a query without equality fields, the index gives the
 * sort's order. The index serves the query fully when the keys after the equality fields are exactly the sort's
 * fields in the sort's order (or all reversed), then at most one range field; otherwise the catalogue says the sort
 * happens in memory (fine for the small sets an equality prefix leaves; the catalogue shows where). {@code _id} is
 * always indexed. A partial index serves only queries that name every field of its filter. A query with an
 * {@code $or} is served when each branch, with the fields outside the {@code $or}, is. Without a filter or a sort, a
 * query that wants one document (a limit) or counts the whole collection (answered from its metadata) needs no
 * index. Everything else reads the whole collection: it fails the check unless the allow-list names it, with the
 * reason.
 */
public final class IndexCatalogue {

    private static final String SORT_IN_MEMORY = " (sort in memory)";

    private final Map<String, Map<String, Collection>> services = new TreeMap<>();
    private final Map<String, String> allowed;

    private IndexCatalogue(Map<String, String> allowed) {
        this.allowed = allowed;
    }

    /**
     * Reads the recorded files.
     *
     * @param allowed reasons by {@link #key(BsonDocument) key} for queries that read a whole collection by design
     */
    public static IndexCatalogue read(List<Path> files, Map<String, String> allowed) {
        IndexCatalogue catalogue = new IndexCatalogue(allowed);
        Set<String> lines = new LinkedHashSet<>();
        for (Path file : files) {
            try {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        lines.stream().filter(l -> !l.isBlank()).map(BsonDocument::parse).forEach(catalogue::add);
        return catalogue;
    }

    /** Builds one from shapes in memory (tests). */
    public static IndexCatalogue of(List<BsonDocument> shapes, Map<String, String> allowed) {
        IndexCatalogue catalogue = new IndexCatalogue(allowed);
        shapes.forEach(catalogue::add);
        return catalogue;
    }

    private void add(BsonDocument line) {
        Collection collection = services.computeIfAbsent(line.getString("service").getValue(), s -> new TreeMap<>())
                .computeIfAbsent(line.getString("collection").getValue(), c -> new Collection());
        if (line.getString("op").getValue().equals("index")) {
            collection.indexes.put(line.getDocument("key").toJson(), line);
        } else {
            collection.queries.put(signature(line), line);
        }
    }

    /** The allow-list key of a query shape: {@code <service> <collection> <signature>}. */
    public static String key(BsonDocument shape) {
        return shape.getString("service").getValue() + " " + shape.getString("collection").getValue() + " "
                + signature(shape);
    }

    /** Every query shape no declared index serves (and the allow-list does not name), as its {@link #key}. */
    public List<String> unserved() {
        List<String> unserved = new ArrayList<>();
        services.values().forEach(collections -> collections.values().forEach(c -> c.queries.values().forEach(q -> {
            if (verdict(q, c).startsWith("NO INDEX")) {
                unserved.add(key(q));
            }
        })));
        return unserved;
    }

    /** Allow-list entries that match no recorded query: stale, to be removed. */
    public List<String> unusedAllowances() {
        Set<String> keys = new LinkedHashSet<>();
        services.values().forEach(collections -> collections.values().forEach(c -> c.queries.values()
                .forEach(q -> keys.add(key(q)))));
        return allowed.keySet().stream().filter(k -> !keys.contains(k)).toList();
    }

    public int queryCount() {
        return services.values().stream().flatMap(c -> c.values().stream()).mapToInt(c -> c.queries.size()).sum();
    }

    /** The catalogue as Markdown: per service and collection, the declared indexes and each query's serving index. */
    public String report() {
        StringBuilder out = new StringBuilder("# Mongo queries and the indexes that serve them\n\n")
                .append("Recorded by QueryShapeRecorder (frmr.mongo.query-shapes.file); kinds: eq, in, range, regex, ")
                .append("exists, not, other; sort fields with their direction; `limit` when one document or a ")
                .append("page is wanted.\n");
        services.forEach((service, collections) -> {
            out.append("\n## ").append(service).append("\n");
            collections.forEach((name, c) -> {
                out.append("\n### ").append(name).append("\n\nIndexes: `_id`");
                c.indexes.values().forEach(i -> out.append(", `").append(describe(i)).append('`'));
                out.append("\n\n| query | served by |\n|---|---|\n");
                c.queries.forEach((signature, q) -> out.append("| `").append(signature).append("` | ")
                        .append(verdict(q, c)).append(" |\n"));
            });
        });
        List<String> unused = unusedAllowances();
        if (!unused.isEmpty()) {
            // Not a failure: a run of some of the suites does not issue every query the allow-list names.
            out.append("\n## Allow-list entries no query of this run matched\n\n");
            unused.forEach(k -> out.append("- `").append(k).append("`\n"));
        }
        return out.toString();
    }

    private String verdict(BsonDocument query, Collection collection) {
        Map<String, String> filter = fields(query.getDocument("filter"));
        LinkedHashMap<String, Integer> sort = new LinkedHashMap<>();
        query.getDocument("sort").forEach((f, d) -> sort.put(f, d.asNumber().intValue()));
        boolean limit = query.getBoolean("limit").getValue();
        List<Map<String, String>> branches = new ArrayList<>();
        if (query.containsKey("or")) {
            query.getArray("or").forEach(b -> {
                Map<String, String> branch = new TreeMap<>(filter);
                branch.putAll(fields(b.asDocument()));
                branches.add(branch);
            });
        } else {
            branches.add(filter);
        }
        List<String> servedBy = new ArrayList<>();
        for (Map<String, String> branch : branches) {
            String by = servedBy(branch, sort, limit, query.getString("op").getValue(), collection);
            if (by == null) {
                String reason = allowed.get(key(query));
                return reason != null ? "whole collection by design: " + reason : "NO INDEX";
            }
            servedBy.add(by);
        }
        return servedBy.stream().distinct().collect(Collectors.joining("; "));
    }

    private static String servedBy(Map<String, String> filter, Map<String, Integer> sort, boolean limit, String op,
                                   Collection collection) {
        if (filter.isEmpty() && sort.isEmpty()) {
            if (op.equals("count") && !limit) {
                return "collection metadata (count of all)";
            }
            return limit ? "any one document (limit)" : null;
        }
        String id = filter.get("_id");
        if ("eq".equals(id)) {
            return "`_id`";
        }
        boolean sorts = sort.keySet().stream().anyMatch(f -> !"eq".equals(filter.get(f)));
        BsonDocument best = null;
        int bestScore = 0;
        for (BsonDocument index : collection.indexes.values()) {
            int score = score(index, filter, sort);
            if (score > bestScore || (score == bestScore && best != null && score > 0
                    && index.getDocument("key").size() < best.getDocument("key").size())) {
                best = index;
                bestScore = score;
            }
        }
        if (best == null && ("in".equals(id) || "range".equals(id))) {
            return "`_id`" + (sorts && !onlyId(sort) ? SORT_IN_MEMORY : "");
        }
        if (best == null && onlyId(sort) && !hasSelectiveField(filter)) {
            return "`_id` (order)";
        }
        if (best == null) {
            return null;
        }
        return "`" + describe(best) + "`" + (sorts && bestScore % 2 == 0 ? SORT_IN_MEMORY : "");
    }

    private static boolean onlyId(Map<String, Integer> sort) {
        return sort.size() == 1 && sort.containsKey("_id");
    }

    private static boolean hasSelectiveField(Map<String, String> filter) {
        return filter.values().stream().anyMatch(k -> isEquality(k) || isRange(k));
    }

    /**
     * 0 when MongoDB would not use the index for this query (a collection scan), else twice the number of its keys
     * the query uses, plus one when the index also gives the sort's order (or the query does not sort).
     */
    static int score(BsonDocument index, Map<String, String> filter, Map<String, Integer> sort) {
        for (BsonValue partial : index.getArray("partial")) {
            if (!filter.containsKey(partial.asString().getValue())) {
                return 0;
            }
        }
        List<String> keys = new ArrayList<>(index.getDocument("key").keySet());
        List<Integer> directions = index.getDocument("key").values().stream()
                .map(v -> v.isNumber() ? v.asNumber().intValue() : 0).toList();
        if (directions.contains(0)) {
            return 0; // text, hashed, geo: none of the recorded queries relies on them
        }
        int i = 0;
        while (i < keys.size() && isEquality(filter.get(keys.get(i)))) {
            i++;
        }
        int equalities = i;
        // A sort on a field the query fixes by equality is no sort at all.
        List<Map.Entry<String, Integer>> sortRest = sort.entrySet().stream()
                .filter(e -> !"eq".equals(filter.get(e.getKey()))).toList();
        boolean sortServed = sortRest.isEmpty() || sortFollows(keys, directions, i, sortRest);
        int next = sortServed ? i + sortRest.size() : i;
        boolean range = next < keys.size() && isRange(filter.get(keys.get(next)));
        boolean queryHasEquality = filter.values().stream().anyMatch(IndexCatalogue::isEquality);
        boolean orderOnly = !sortRest.isEmpty() && sortServed && equalities == 0 && !range;
        if (equalities == 0 && !range && (queryHasEquality || !orderOnly)) {
            return 0;
        }
        int used = equalities + (sortServed ? sortRest.size() : 0) + (range ? 1 : 0);
        return 2 * used + (sortServed ? 1 : 0);
    }

    private static boolean sortFollows(List<String> keys, List<Integer> directions, int from,
                                       List<Map.Entry<String, Integer>> sort) {
        if (from + sort.size() > keys.size()) {
            return false;
        }
        Boolean reversed = null;
        int i = from;
        for (Map.Entry<String, Integer> s : sort) {
            if (!keys.get(i).equals(s.getKey())) {
                return false;
            }
            boolean rev = !directions.get(i).equals(s.getValue());
            if (reversed != null && reversed != rev) {
                return false;
            }
            reversed = rev;
            i++;
        }
        return true;
    }

    private static boolean isEquality(String kind) {
        return "eq".equals(kind) || "in".equals(kind);
    }

    private static boolean isRange(String kind) {
        return "range".equals(kind) || "regex".equals(kind) || "exists".equals(kind);
    }

    private static Map<String, String> fields(BsonDocument kinds) {
        Map<String, String> fields = new TreeMap<>();
        kinds.forEach((f, k) -> fields.put(f, k.asString().getValue()));
        return fields;
    }

    /** A query shape in one line: {@code find {a:eq, b:range} or[...] sort {c:-1} limit}. */
    static String signature(BsonDocument shape) {
        StringBuilder s = new StringBuilder(shape.getString("op").getValue()).append(' ')
                .append(compact(shape.getDocument("filter")));
        if (shape.containsKey("or")) {
            s.append(" or[").append(shape.getArray("or").stream().map(b -> compact(b.asDocument()))
                    .collect(Collectors.joining(" | "))).append(']');
        }
        if (!shape.getDocument("sort").isEmpty()) {
            s.append(" sort ").append(compact(shape.getDocument("sort")));
        }
        if (shape.getBoolean("limit").getValue()) {
            s.append(" limit");
        }
        return s.toString();
    }

    private static String describe(BsonDocument index) {
        String d = compact(index.getDocument("key"));
        if (index.getBoolean("unique").getValue()) {
            d += " unique";
        }
        if (!index.getArray("partial").isEmpty()) {
            d += " partial" + index.getArray("partial").stream().map(v -> v.asString().getValue()).toList();
        }
        return d;
    }

    private static String compact(BsonDocument doc) {
        return doc.entrySet().stream().map(e -> e.getKey() + ":" + (e.getValue().isString()
                ? e.getValue().asString().getValue() : e.getValue().isNumber()
                ? String.valueOf(e.getValue().asNumber().intValue()) : e.getValue().toString()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static final class Collection {
        final Map<String, BsonDocument> indexes = new LinkedHashMap<>();
        final Map<String, BsonDocument> queries = new TreeMap<>();
    }
}
