package ru.frmr.kit.indexes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCatalogueTest {

    private final List<BsonDocument> lines = new ArrayList<>();

    private void index(String key, String... partial) {
        lines.add(BsonDocument.parse("{service: 's', collection: 'c', op: 'index', name: 'n', key: " + key
                + ", unique: false, partial: [" + String.join(",", List.of(partial).stream()
                .map(p -> "'" + p + "'").toList()) + "]}"));
    }

    private BsonDocument query(String filter, String sort, boolean limit) {
        BsonDocument q = BsonDocument.parse("{service: 's', collection: 'c', op: 'find', filter: " + filter
                + ", sort: " + sort + ", limit: " + limit + "}");
        lines.add(q);
        return q;
    }

    private List<String> unserved() {
        return IndexCatalogue.of(lines, Map.of()).unserved();
    }

    @Test
    void equalityThenSortThenRangeIsServed() {
        index("{workerId: 1, createdAt: -1, state: 1}");
        query("{workerId: 'eq', createdAt: 'range'}", "{createdAt: -1}", true);
        query("{workerId: 'in'}", "{createdAt: 1}", false);
        query("{workerId: 'eq', createdAt: 'range', note: 'not'}", "{}", false);

        assertThat(unserved()).isEmpty();
    }

    @Test
    void anEqualityPrefixIsUsedEvenWhenTheSortIsDoneInMemoryButAFieldNotLeadingIsNot() {
        index("{workerId: 1, createdAt: -1}");
        BsonDocument otherSort = query("{workerId: 'eq'}", "{updatedAt: -1}", true);
        BsonDocument tieBreak = query("{workerId: 'eq'}", "{createdAt: -1, _id: 1}", true);
        BsonDocument secondKey = query("{createdAt: 'eq'}", "{}", false);
        BsonDocument sortOnly = query("{state: 'eq'}", "{createdAt: -1}", true);

        IndexCatalogue catalogue = IndexCatalogue.of(lines, Map.of());
        assertThat(catalogue.unserved()).containsExactlyInAnyOrder(IndexCatalogue.key(secondKey),
                IndexCatalogue.key(sortOnly));
        assertThat(catalogue.report())
                .contains("| `" + IndexCatalogue.signature(otherSort) + "` | `{workerId:1, createdAt:-1}` (sort in memory) |")
                .contains("| `" + IndexCatalogue.signature(tieBreak) + "` | `{workerId:1, createdAt:-1}` (sort in memory) |");
    }

    @Test
    void mixedSortDirectionsMustMatchTheIndexOrItsReverse() {
        index("{a: 1, b: -1}");
        query("{}", "{a: -1, b: 1}", true);
        BsonDocument mixed = query("{}", "{a: 1, b: 1}", true);

        assertThat(unserved()).containsExactly(IndexCatalogue.key(mixed));
    }

    @Test
    void idPartialIndexesOrBranchesAndWholeCollectionQueries() {
        index("{due: 1}", "state");
        index("{b: 1}");
        query("{_id: 'eq'}", "{}", true);
        query("{due: 'range', state: 'eq'}", "{}", false);
        BsonDocument partialMissing = query("{due: 'range'}", "{}", false);
        lines.add(BsonDocument.parse("{service: 's', collection: 'c', op: 'find', filter: {}, "
                + "or: [{_id: 'eq'}, {b: 'eq'}], sort: {}, limit: false}"));
        BsonDocument orUnserved = BsonDocument.parse("{service: 's', collection: 'c', op: 'find', filter: {}, "
                + "or: [{_id: 'eq'}, {z: 'eq'}], sort: {}, limit: false}");
        lines.add(orUnserved);
        query("{}", "{}", true);
        BsonDocument export = query("{}", "{}", false);
        lines.add(BsonDocument.parse("{service: 's', collection: 'c', op: 'count', filter: {}, sort: {}, limit: false}"));

        assertThat(unserved()).containsExactlyInAnyOrder(IndexCatalogue.key(partialMissing),
                IndexCatalogue.key(orUnserved), IndexCatalogue.key(export));
        IndexCatalogue allowed = IndexCatalogue.of(lines, Map.of(IndexCatalogue.key(export), "the nightly export",
                "s c find {gone:eq}", "stale"));
        assertThat(allowed.unserved()).hasSize(2);
        assertThat(allowed.unusedAllowances()).containsExactly("s c find {gone:eq}");
        assertThat(allowed.report()).contains("whole collection by design: the nightly export", "NO INDEX",
                "`{b:1}`", "collection metadata", "no query of this run matched\n\n- `s c find {gone:eq}`");
    }

    @Test
    void readsRecordedFilesAndDropsDuplicateLinesOfSeveralProcesses(@TempDir Path dir) throws Exception {
        QueryShapeRecorder first = new QueryShapeRecorder("s", dir.resolve("shapes.jsonl"));
        QueryShapeRecorder second = new QueryShapeRecorder("s", dir.resolve("shapes.jsonl"));
        for (QueryShapeRecorder recorder : List.of(first, second)) {
            recorder.commandStarted(started("{createIndexes: 'c', indexes: [{key: {a: 1}, name: 'a_1'}]}"));
            recorder.commandStarted(started("{find: 'c', filter: {a: 'v1'}}"));
            recorder.commandStarted(started("{find: 'c', filter: {a: 'v2'}}"));
            recorder.commandStarted(started("{find: 'c', filter: {b: 'v3'}}"));
        }

        assertThat(Files.readAllLines(dir.resolve("shapes.jsonl"))).hasSize(6);
        IndexCatalogue catalogue = IndexCatalogue.read(List.of(dir.resolve("shapes.jsonl")), Map.of());
        assertThat(catalogue.queryCount()).isEqualTo(2);
        assertThat(catalogue.unserved()).containsExactly("s c find {b:eq}");
    }

    private static com.mongodb.event.CommandStartedEvent started(String command) {
        BsonDocument doc = BsonDocument.parse(command);
        return new com.mongodb.event.CommandStartedEvent(null, 1, 1, null, "db", doc.getFirstKey(), doc);
    }
}
