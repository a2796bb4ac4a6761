package ru.frmr.kit.indexes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * What a Mongo command asks of a collection's indexes, without a single value from it: the fields it filters on with
 * the kind of each predicate (equality, {@code $in}, range, …), the fields it sorts by, and whether it wants one
 * document or all that match; and, for {@code createIndexes}, the keys and options of each index declared. These are
 * the lines {@link QueryShapeRecorder} writes and {@link IndexCatalogue} reads.
 *
 * <p>A shape line: {@code {"service", "collection", "op", "filter": {field: kind}, "or": [{field: kind}, …],
 * "sort": {field: ±1}, "limit": bool}}; an index line: {@code {"service", "collection", "op": "index",
 * "key": {field: 1|-1|type}, "unique": bool, "partial": [field, …]}}.
 */
public final class QueryShapes {

    /** Predicate kinds, strongest first: a field with several operators counts as the strongest. */
    public static final List<String> KINDS = List.of("eq", "in", "range", "regex", "exists", "not", "other");

    private QueryShapes() {
    }

    /**
     * The shapes of the queries in one command (an update or delete command may carry several statements), plus
     * the declared indexes of a {@code createIndexes}; empty for a command that queries nothing (insert, getMore,
     * listIndexes, hello, …).
     */
    public static List<BsonDocument> of(String service, String commandName, BsonDocument command) {
        List<BsonDocument> shapes = new ArrayList<>();
        String collection = command.get(commandName) instanceof BsonString name ? name.getValue() : null;
        if (collection == null) {
            return shapes;
        }
        switch (commandName) {
            case "find" -> shapes.add(shape(service, collection, "find", doc(command, "filter"),
                    doc(command, "sort"), positive(command.get("limit")) || isTrue(command.get("singleBatch"))));
            case "count" -> shapes.add(shape(service, collection, "count", doc(command, "query"), null,
                    positive(command.get("limit"))));
            case "distinct" -> shapes.add(shape(service, collection, "distinct", doc(command, "query"), null, false));
            case "findAndModify", "findandmodify" -> shapes.add(shape(service, collection, "findAndModify",
                    doc(command, "query"), doc(command, "sort"), true));
            case "update" -> statements(command, "updates").forEach(s -> shapes.add(shape(service, collection,
                    "update", doc(s, "q"), null, !isTrue(s.get("multi")))));
            case "delete" -> statements(command, "deletes").forEach(s -> shapes.add(shape(service, collection,
                    "delete", doc(s, "q"), null, positive(s.get("limit")))));
            case "aggregate" -> shapes.add(aggregate(service, collection, command));
            case "createIndexes" -> statements(command, "indexes").forEach(i -> shapes.add(index(service,
                    collection, i)));
            default -> {
                // Commands that select no documents: nothing to serve with an index.
            }
        }
        return shapes;
    }

    private static BsonDocument aggregate(String service, String collection, BsonDocument command) {
        BsonDocument filter = null;
        BsonDocument sort = null;
        boolean limit = false;
        BsonValue pipeline = command.get("pipeline");
        if (pipeline instanceof BsonArray stages) {
            // Only the leading $match, $sort and $limit reach the indexes; later stages work on their output.
            for (BsonValue stage : stages) {
                if (!(stage instanceof BsonDocument s) || s.isEmpty()) {
                    break;
                }
                String name = s.getFirstKey();
                if (name.equals("$match") && filter == null && sort == null) {
                    filter = doc(s, "$match");
                } else if (name.equals("$sort") && sort == null) {
                    sort = doc(s, "$sort");
                } else if (name.equals("$limit")) {
                    limit = true;
                    break;
                } else {
                    break;
                }
            }
        }
        return shape(service, collection, "aggregate", filter, sort, limit);
    }

    static BsonDocument shape(String service, String collection, String op, BsonDocument filter, BsonDocument sort,
                              boolean limit) {
        BsonDocument shape = new BsonDocument("service", new BsonString(service))
                .append("collection", new BsonString(collection))
                .append("op", new BsonString(op));
        Map<String, String> fields = new TreeMap<>();
        List<Map<String, String>> or = new ArrayList<>();
        if (filter != null) {
            collect(filter, "", fields, or);
        }
        shape.append("filter", kinds(fields));
        if (!or.isEmpty()) {
            BsonArray branches = new BsonArray();
            or.forEach(branch -> branches.add(kinds(branch)));
            shape.append("or", branches);
        }
        BsonDocument sorted = new BsonDocument();
        if (sort != null) {
            sort.forEach((field, direction) -> sorted.append(field,
                    new BsonInt32(direction.isNumber() && direction.asNumber().doubleValue() < 0 ? -1 : 1)));
        }
        shape.append("sort", sorted);
        shape.append("limit", BsonBoolean.valueOf(limit));
        return shape;
    }

    private static BsonDocument index(String service, String collection, BsonDocument index) {
        BsonDocument key = new BsonDocument();
        doc(index, "key").forEach((field, type) -> key.append(field, type.isNumber()
                ? new BsonInt32(type.asNumber().doubleValue() < 0 ? -1 : 1) : type));
        BsonArray partial = new BsonArray();
        BsonDocument partialFilter = doc(index, "partialFilterExpression");
        if (partialFilter != null) {
            Map<String, String> fields = new TreeMap<>();
            collect(partialFilter, "", fields, new ArrayList<>());
            fields.keySet().forEach(f -> partial.add(new BsonString(f)));
        }
        return new BsonDocument("service", new BsonString(service))
                .append("collection", new BsonString(collection))
                .append("op", new BsonString("index"))
                .append("name", index.get("name", new BsonString("")))
                .append("key", key)
                .append("unique", BsonBoolean.valueOf(isTrue(index.get("unique"))))
                .append("partial", partial);
    }

    /** Adds each field of the filter with its predicate's kind; the first $or's branches go to {@code or}. */
    private static void collect(BsonDocument filter, String prefix, Map<String, String> fields,
                                List<Map<String, String>> or) {
        filter.forEach((name, value) -> {
            switch (name) {
                case "$and" -> {
                    if (value instanceof BsonArray parts) {
                        parts.forEach(p -> {
                            if (p instanceof BsonDocument d) {
                                collect(d, prefix, fields, or);
                            }
                        });
                    }
                }
                case "$or" -> {
                    if (or.isEmpty() && value instanceof BsonArray branches) {
                        branches.forEach(b -> {
                            Map<String, String> branch = new TreeMap<>();
                            if (b instanceof BsonDocument d) {
                                collect(d, prefix, branch, new ArrayList<>());
                            }
                            or.add(branch);
                        });
                    } else {
                        merge(fields, "$or", "other");
                    }
                }
                case "$nor" -> merge(fields, "$nor", "not");
                default -> {
                    if (name.startsWith("$")) {
                        merge(fields, name, "other");
                    } else {
                        field(prefix + name, value, fields);
                    }
                }
            }
        });
    }

    private static void field(String field, BsonValue value, Map<String, String> fields) {
        if (value.isRegularExpression()) {
            merge(fields, field, "regex");
            return;
        }
        if (!(value instanceof BsonDocument operators) || operators.isEmpty()
                || !operators.getFirstKey().startsWith("$")) {
            merge(fields, field, "eq");
            return;
        }
        operators.forEach((operator, argument) -> {
            switch (operator) {
                case "$eq", "$all" -> merge(fields, field, "eq");
                case "$in" -> merge(fields, field, "in");
                case "$gt", "$gte", "$lt", "$lte" -> merge(fields, field, "range");
                case "$regex", "$options" -> merge(fields, field, "regex");
                case "$exists" -> merge(fields, field, "exists");
                case "$ne", "$nin", "$not" -> merge(fields, field, "not");
                case "$elemMatch" -> {
                    if (argument instanceof BsonDocument match && !match.isEmpty()
                            && !match.getFirstKey().startsWith("$")) {
                        collect(match, field + ".", fields, new ArrayList<>());
                    } else if (argument instanceof BsonDocument match) {
                        field(field, match, fields);
                    }
                }
                default -> merge(fields, field, "other");
            }
        });
    }

    private static void merge(Map<String, String> fields, String field, String kind) {
        fields.merge(field, kind, (a, b) -> KINDS.indexOf(a) <= KINDS.indexOf(b) ? a : b);
    }

    private static BsonDocument kinds(Map<String, String> fields) {
        BsonDocument doc = new BsonDocument();
        fields.forEach((field, kind) -> doc.append(field, new BsonString(kind)));
        return doc;
    }

    private static List<BsonDocument> statements(BsonDocument command, String name) {
        List<BsonDocument> statements = new ArrayList<>();
        if (command.get(name) instanceof BsonArray array) {
            array.forEach(v -> {
                if (v instanceof BsonDocument d) {
                    statements.add(d);
                }
            });
        }
        return statements;
    }

    private static BsonDocument doc(BsonDocument parent, String name) {
        return parent.get(name) instanceof BsonDocument d ? d : null;
    }

    private static boolean positive(BsonValue value) {
        return value != null && value.isNumber() && value.asNumber().longValue() != 0;
    }

    private static boolean isTrue(BsonValue value) {
        return value != null && value.isBoolean() && value.asBoolean().getValue();
    }
}
