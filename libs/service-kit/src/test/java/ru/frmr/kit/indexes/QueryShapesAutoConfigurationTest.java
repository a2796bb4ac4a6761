package ru.frmr.kit.indexes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import ru.frmr.infra.embedded.EmbeddedMongo;

/** The recorder is on only where the property names a file, and then sees what the Boot Mongo client sends. */
class QueryShapesAutoConfigurationTest {

    private static EmbeddedMongo server;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class,
                    org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration.class,
                    QueryShapesAutoConfiguration.class));

    @BeforeAll
    static void startMongo() {
        server = EmbeddedMongo.inMemory();
    }

    @AfterAll
    static void stopMongo() {
        server.close();
    }

    @Test
    void offUnlessTheFileIsNamed() {
        runner.withPropertyValues("spring.data.mongodb.uri=" + server.connectionString() + "/shapes")
                .run(context -> assertThat(context).hasSingleBean(MongoClient.class)
                        .doesNotHaveBean(QueryShapeRecorder.class));
    }

    @Test
    void recordsTheBootClientsQueriesAndIndexesWithoutValues(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested/shapes.jsonl");
        runner.withPropertyValues("spring.data.mongodb.uri=" + server.connectionString() + "/shapes",
                        "spring.application.name=registry-service", "frmr.mongo.query-shapes.file=" + file)
                .run(context -> {
                    var collection = context.getBean(MongoClient.class).getDatabase("shapes").getCollection("workers");
                    collection.createIndex(Indexes.ascending("snilsKey", "createdAt"));
                    collection.insertOne(new Document("snilsKey", "123-456-789 00").append("createdAt", 1));
                    collection.find(Filters.eq("snilsKey", "123-456-789 00")).sort(Sorts.ascending("createdAt"))
                            .first();
                    collection.find(Filters.eq("snilsKey", "987-654-321 00")).sort(Sorts.ascending("createdAt"))
                            .first();
                    collection.find(Filters.eq("status", "BLOCKED")).first();
                    // Spring Data's index declarations, as the services make them, reach the recorder too.
                    context.getBean(org.springframework.data.mongodb.core.MongoTemplate.class).indexOps("changes")
                            .ensureIndex(new org.springframework.data.mongodb.core.index.Index("workerId",
                                    org.springframework.data.domain.Sort.Direction.ASC));
                });

        String recorded = Files.readString(file);
        assertThat(recorded).doesNotContain("123-456-789", "987-654-321", "BLOCKED");
        IndexCatalogue catalogue = IndexCatalogue.read(List.of(file), Map.of());
        assertThat(catalogue.queryCount()).isEqualTo(2);
        assertThat(catalogue.unserved()).containsExactly("registry-service workers find {status:eq} limit");
        assertThat(catalogue.report()).contains("| `find {snilsKey:eq} sort {createdAt:1} limit` | "
                + "`{snilsKey:1, createdAt:1}` |", "### changes\n\nIndexes: `_id`, `{workerId:1}`");
    }
}
