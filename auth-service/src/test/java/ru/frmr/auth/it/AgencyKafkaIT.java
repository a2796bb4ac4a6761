package ru.frmr.auth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.infra.embedded.SharedTestInfra;

/**
 * Agencies as Kafka subscribers, against the real broker: a registry administrator onboards an agency through the
 * API, and its consumer (SCRAM-SHA-512 on the subscriber listener) reads {@code frmr.public.events} and nothing
 * internal; a rotation replaces the password at once; a revocation locks the agency out. The password is in the
 * HTTP answers only.
 */
class AgencyKafkaIT extends AuthIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void anOnboardedAgencyReadsThePublicTopicAndNothingElseUntilItIsRevoked() throws Exception {
        String admin = login(browser("Firefox (admin desk)"), TestPeople.KUZNETSOV_ADMIN).accessToken();
        Browser browser = browser("Firefox (admin desk)");
        String published = "public-" + UUID.randomUUID();
        produce(Topics.PUBLIC_EVENTS, published);

        HttpResponse<String> created = browser.postJson("/api/auth/agencies",
                "{\"name\":\"Росздравнадзор\",\"kind\":\"ROSZDRAVNADZOR\"}", admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control")).hasValueSatisfying(
                v -> assertThat(v).contains("no-store"));
        JsonNode agency = Browser.json(created);
        String agencyId = agency.get("agencyId").asText();
        assertThat(agencyId).matches("ag-[a-z2-7]{12}");
        assertThat(agency.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(agency.get("regionCode").isNull()).isTrue();
        JsonNode kafka = agency.get("kafka");
        String username = kafka.get("username").asText();
        String password = kafka.get("password").asText();
        assertThat(username).isEqualTo("agency-" + agencyId.substring(3));
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThat(kafka.get("bootstrapServers").asText())
                .isEqualTo(SharedTestInfra.get().kafkaSubscriberBootstrapServers());
        assertThat(kafka.get("securityProtocol").asText()).isEqualTo("SASL_PLAINTEXT");
        assertThat(kafka.get("mechanism").asText()).isEqualTo("SCRAM-SHA-512");
        assertThat(kafka.get("topics")).extracting(JsonNode::asText)
                .containsExactly(Topics.PUBLIC_EVENTS, Topics.AUDIT_CHECKPOINTS);
        assertThat(kafka.get("groupPrefix").asText()).isEqualTo(username + ".");

        // Reads the public topic in a group of its own prefix ...
        await().atMost(Duration.ofSeconds(30)).ignoreException(SaslAuthenticationException.class)
                .untilAsserted(() -> assertThat(read(username, password, Topics.PUBLIC_EVENTS, username + ".reader",
                        published)).contains(published));
        // ... and nothing internal, nor a group outside its prefix; a wrong password does not get in at all.
        assertThatThrownBy(() -> read(username, password, Topics.REGISTRY_EVENTS, username + ".x", null))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read(username, password, Topics.AUTH_EVENTS, username + ".x", null))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read(username, password, Topics.PUBLIC_EVENTS, "someone-else.reader", null))
                .isInstanceOf(GroupAuthorizationException.class);
        assertThatThrownBy(() -> read(username, password + "x", Topics.PUBLIC_EVENTS, username + ".reader", null))
                .isInstanceOf(SaslAuthenticationException.class);

        // Rotation: the old password stops working, the new one works.
        HttpResponse<String> rotated = browser.post("/api/auth/agencies/" + agencyId + "/kafka-credentials", admin);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
        String newPassword = Browser.json(rotated).get("kafka").get("password").asText();
        assertThat(newPassword).isNotEqualTo(password).hasSizeGreaterThanOrEqualTo(32);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThatThrownBy(
                () -> read(username, password, Topics.PUBLIC_EVENTS, username + ".reader", null))
                .isInstanceOf(SaslAuthenticationException.class));
        await().atMost(Duration.ofSeconds(30)).ignoreException(SaslAuthenticationException.class)
                .untilAsserted(() -> assertThat(read(username, newPassword, Topics.PUBLIC_EVENTS,
                        username + ".other", published)).contains(published));

        // Revocation: a new connection fails authentication; a second revocation answers the same.
        HttpResponse<String> revoked = browser.post("/api/auth/agencies/" + agencyId + "/revoke", admin);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(Browser.json(revoked).get("status").asText()).isEqualTo("REVOKED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThatThrownBy(
                () -> read(username, newPassword, Topics.PUBLIC_EVENTS, username + ".reader", null))
                .isInstanceOf(SaslAuthenticationException.class));
        HttpResponse<String> again = browser.post("/api/auth/agencies/" + agencyId + "/revoke", admin);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Browser.json(again).get("revokedAt").asText())
                .isEqualTo(Browser.json(revoked).get("revokedAt").asText());
        assertProblem(browser.post("/api/auth/agencies/" + agencyId + "/kafka-credentials", admin), 409, "conflict");

        // The read model follows: the list and the item show it revoked, with its Kafka user.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode item = Browser.json(browser.get("/api/auth/agencies/" + agencyId, admin));
            assertThat(item.get("status").asText()).isEqualTo("REVOKED");
            assertThat(item.get("kafkaUsername").asText()).isEqualTo(username);
        });
        JsonNode list = Browser.json(browser.get("/api/auth/agencies", admin));
        assertThat(list.get("items")).extracting(i -> i.get("agencyId").asText()).contains(agencyId);

        // The platform hears of it on frmr.auth.events; no event, stored or published, holds a password.
        try (AuthEvents events = new AuthEvents()) {
            for (String type : List.of(EventTypes.AGENCY_ONBOARDED, EventTypes.AGENCY_KAFKA_CREDENTIALS_ISSUED,
                    EventTypes.AGENCY_REVOKED)) {
                CloudEvent event = events.await(agencyId, type);
                assertThat(ContractSchemas.violations(event.getType(), event.getData().toBytes())).isEmpty();
            }
            String firstIssue = events.await(agencyId, EventTypes.AGENCY_KAFKA_CREDENTIALS_ISSUED).getId();
            events.await(agencyId, EventTypes.AGENCY_KAFKA_CREDENTIALS_ISSUED, e -> !e.getId().equals(firstIssue));
            for (CloudEvent event : events.seen()) {
                String data = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
                assertThat(data).doesNotContain(password).doesNotContain(newPassword);
            }
        }
        List<Document> stored = mongo.getCollection("domainevents")
                .find(new Document("aggregateIdentifier", agencyId)).into(new ArrayList<>());
        assertThat(stored).hasSize(4);
        assertThat(stored.toString()).doesNotContain(password).doesNotContain(newPassword);
    }

    @Test
    void onlyARegistryAdministratorOnboardsAndBadInputIsNamed() {
        Browser browser = browser("Firefox (admin desk)");
        String admin = login(browser("Firefox (admin desk)"), TestPeople.KUZNETSOV_ADMIN).accessToken();

        assertField(browser.postJson("/api/auth/agencies", "{\"name\":\"Минздрав\"}", admin), "kind");
        assertField(browser.postJson("/api/auth/agencies", "{\"name\":\" \",\"kind\":\"MINZDRAV\"}", admin), "name");
        assertField(browser.postJson("/api/auth/agencies",
                "{\"name\":\"Минздрав МО\",\"kind\":\"REGIONAL_HEALTH_AUTHORITY\"}", admin), "regionCode");
        assertField(browser.postJson("/api/auth/agencies",
                "{\"name\":\"Минздрав МО\",\"kind\":\"REGIONAL_HEALTH_AUTHORITY\",\"regionCode\":\"7\"}", admin),
                "regionCode");
        assertField(browser.postJson("/api/auth/agencies",
                "{\"name\":\"Минздрав\",\"kind\":\"MINZDRAV\",\"regionCode\":\"77\"}", admin), "regionCode");
        assertField(browser.postJson("/api/auth/agencies", "{\"name\":\"Минздрав\",\"kind\":\"MINISTRY\"}", admin),
                "kind");
        assertField(browser.get("/api/auth/agencies/not-an-id", admin), "agencyId");
        assertProblem(browser.get("/api/auth/agencies/ag-aaaaaaaaaaaa", admin), 404, "not-found");
        assertProblem(browser.post("/api/auth/agencies/ag-aaaaaaaaaaaa/revoke", admin), 404, "not-found");

        HttpResponse<String> regional = browser.postJson("/api/auth/agencies",
                "{\"name\":\"Министерство здравоохранения Московской области\","
                        + "\"kind\":\"REGIONAL_HEALTH_AUTHORITY\",\"regionCode\":\"50\"}", admin);
        assertThat(regional.statusCode()).as(regional.body()).isEqualTo(201);
        assertThat(Browser.json(regional).get("regionCode").asText()).isEqualTo("50");

        String worker = login(browser("Firefox (worker)"), TestPeople.IVANOVA).accessToken();
        assertProblem(browser.postJson("/api/auth/agencies", "{\"name\":\"Минздрав\",\"kind\":\"MINZDRAV\"}",
                worker), 403, "forbidden");
        assertProblem(browser.get("/api/auth/agencies", worker), 403, "forbidden");
        assertProblem(browser.postJson("/api/auth/agencies", "{\"name\":\"Минздрав\",\"kind\":\"MINZDRAV\"}",
                null), 401, "unauthorized");
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertProblem(response, 400, "validation");
        assertThat(Browser.json(response).get("errors")).extracting(e -> e.get("field").asText()).contains(field);
    }

    private static void produce(String topic, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, value, value)).get();
        }
    }

    /**
     * A consumer as an agency runs it (SCRAM-SHA-512 on the subscriber listener), reading from the start until
     * {@code expected} (or, if null, anything) arrived or 10 s passed; the broker's refusals surface as the
     * exceptions a subscriber sees.
     */
    private static List<String> read(String username, String password, String topic, String group,
                                     String expected) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.get().kafkaSubscriberBootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"" + username + "\" password=\"" + password + "\";");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while ((expected == null ? values.isEmpty() : !values.contains(expected))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
