package ru.frmr.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class SharedTestInfraTest {

    private final SharedTestInfra infra = SharedTestInfra.get();

    @Test
    void kafkaRoundTripThroughTheSharedBroker() throws Exception {
        List<String> sent = List.of("one", "two", "three");

        KafkaTestClient.produce(infra.kafkaBootstrapServers(), "round-trip", sent);

        assertThat(KafkaTestClient.consume(infra.kafkaBootstrapServers(), "round-trip", sent.size()))
                .containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void mongoInsertAndFindThroughTheSharedServer() {
        try (MongoClient client = MongoClients.create(infra.mongoUri("shared_test"))) {
            MongoCollection<Document> employers = client.getDatabase("shared_test").getCollection("employers");
            employers.insertOne(new Document("_id", "e-1").append("inn", "7700000000"));

            assertThat(employers.find(new Document("_id", "e-1")).first())
                    .containsEntry("inn", "7700000000");
        }
    }

    @Test
    void isOneInstancePerJvm() {
        assertThat(SharedTestInfra.get()).isSameAs(infra);
    }

    @Test
    void exposesAddressesAsSpringProperties() {
        infra.applyAsSystemProperties("registry");

        assertThat(System.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(infra.kafkaBootstrapServers());
        assertThat(System.getProperty("spring.data.mongodb.uri"))
                .matches("mongodb://127\\.0\\.0\\.1:\\d+/registry");
    }
}
