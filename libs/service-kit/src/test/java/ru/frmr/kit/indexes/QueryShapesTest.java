package ru.frmr.kit.indexes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class QueryShapesTest {

    private static List<BsonDocument> shapes(String command) {
        BsonDocument doc = BsonDocument.parse(command);
        return QueryShapes.of("registry-service", doc.getFirstKey(), doc);
    }

    @Test
    void aFindKeepsFieldNamesAndPredicateKindsButNoValue() {
        List<BsonDocument> shapes = shapes("""
                {find: "workers", filter: {snilsHash: "secret-123", status: {$in: ["A", "B"]},
                 expiresAt: {$lte: {$date: "2026-01-01T00:00:00Z"}}, erased: {$ne: true}, "name.last": {$regex: "^Ив"}},
                 sort: {expiresAt: -1}, limit: 20}""");

        assertThat(shapes).hasSize(1);
        String line = shapes.get(0).toJson();
        assertThat(line).doesNotContain("secret-123", "2026", "Ив", "\"A\"");
        assertThat(shapes.get(0)).isEqualTo(BsonDocument.parse("""
                {service: "registry-service", collection: "workers", op: "find",
                 filter: {erased: "not", expiresAt: "range", "name.last": "regex", snilsHash: "eq", status: "in"},
                 sort: {expiresAt: -1}, limit: true}"""));
    }

    @Test
    void orBranchesAndAndPartsAndElemMatchFieldsAreKeptApart() {
        BsonDocument shape = shapes("""
                {find: "c", filter: {$and: [{a: 1}, {$or: [{b: 2}, {c: {$gt: 3}}]}],
                 items: {$elemMatch: {kind: "x", at: {$gte: 1}}}}}""").get(0);

        assertThat(shape.getDocument("filter")).isEqualTo(BsonDocument.parse(
                "{a: 'eq', 'items.at': 'range', 'items.kind': 'eq'}"));
        assertThat(shape.getArray("or")).containsExactly(BsonDocument.parse("{b: 'eq'}"),
                BsonDocument.parse("{c: 'range'}"));
        assertThat(shape.getBoolean("limit").getValue()).isFalse();
    }

    @Test
    void updatesDeletesFindAndModifyAndAggregatesEachGiveTheirQueries() {
        assertThat(shapes("{update: 'c', updates: [{q: {_id: 'x'}, u: {$set: {a: 1}}}, {q: {a: 1}, u: {}, multi: true}]}"))
                .extracting(s -> s.getDocument("filter").toJson() + s.getBoolean("limit").getValue())
                .containsExactly("{\"_id\": \"eq\"}true", "{\"a\": \"eq\"}false");
        assertThat(shapes("{delete: 'c', deletes: [{q: {a: {$lt: 5}}, limit: 0}]}").get(0).getString("op").getValue())
                .isEqualTo("delete");
        assertThat(shapes("{findAndModify: 'c', query: {owner: null, due: {$lte: 1}}, sort: {due: 1}, update: {}}")
                .get(0)).isEqualTo(BsonDocument.parse("""
                {service: "registry-service", collection: "c", op: "findAndModify",
                 filter: {due: "range", owner: "eq"}, sort: {due: 1}, limit: true}"""));
        assertThat(shapes("""
                {aggregate: 'c', pipeline: [{$match: {w: 'x'}}, {$sort: {at: -1}}, {$limit: 1}, {$match: {z: 1}}]}""")
                .get(0)).isEqualTo(BsonDocument.parse("""
                {service: "registry-service", collection: "c", op: "aggregate", filter: {w: "eq"},
                 sort: {at: -1}, limit: true}"""));
        assertThat(shapes("{insert: 'c', documents: [{a: 1}]}")).isEmpty();
    }

    @Test
    void createIndexesGivesEachIndexWithItsOptionsButNotThePartialFiltersValues() {
        List<BsonDocument> indexes = shapes("""
                {createIndexes: 'c', indexes: [{key: {a: 1, b: -1.0}, name: 'a_b', unique: true},
                 {key: {t: 1}, name: 't', partialFilterExpression: {state: 'PENDING'}}]}""");

        assertThat(indexes).containsExactly(BsonDocument.parse("""
                {service: "registry-service", collection: "c", op: "index", name: "a_b", key: {a: 1, b: -1},
                 unique: true, partial: []}"""), BsonDocument.parse("""
                {service: "registry-service", collection: "c", op: "index", name: "t", key: {t: 1},
                 unique: false, partial: ["state"]}"""));
        assertThat(indexes.get(1).toJson()).doesNotContain("PENDING");
    }
}
