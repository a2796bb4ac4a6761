package ru.frmr.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker's two doors: the services' plaintext listener (no credentials, the platform's super user) and the
 * subscribers' SASL/SCRAM-SHA-512 listener, where a SCRAM user reads only what its ACLs allow.
 */
class SubscriberListenerTest {

    private static final String OPEN_TOPIC = "subscriber-test.open";
    private static final String CLOSED_TOPIC = "subscriber-test.closed";
    private static final String USER = "agency-subscribertest";
    private static final String PASSWORD = "a-test-password-that-is-long-enough-0123456789";

    private static final SharedTestInfra infra = SharedTestInfra.get();

    @BeforeAll
    static void subscriberWithAclsOnOneTopic() throws Exception {
        KafkaTestClient.produce(infra.kafkaBootstrapServers(), OPEN_TOPIC, List.of("public-1", "public-2"));
        KafkaTestClient.produce(infra.kafkaBootstrapServers(), CLOSED_TOPIC, List.of("internal-1"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.kafkaBootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), PASSWORD))).all().get();
            String principal = "User:" + USER;
            admin.createAcls(List.of(
                    allow(new ResourcePattern(ResourceType.TOPIC, OPEN_TOPIC, PatternType.LITERAL), principal,
                            AclOperation.READ),
                    allow(new ResourcePattern(ResourceType.TOPIC, OPEN_TOPIC, PatternType.LITERAL), principal,
                            AclOperation.DESCRIBE),
                    allow(new ResourcePattern(ResourceType.GROUP, USER + ".", PatternType.PREFIXED), principal,
                            AclOperation.READ))).all().get();
        }
    }

    @Test
    void aSubscriberReadsTheTopicItsAclsName() {
        assertThat(poll(PASSWORD, OPEN_TOPIC, 2)).containsExactlyInAnyOrder("public-1", "public-2");
    }

    @Test
    void aSubscriberIsRefusedATopicNoAclNames() {
        assertThatThrownBy(() -> poll(PASSWORD, CLOSED_TOPIC, 1)).isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aWrongPasswordFailsAuthentication() {
        assertThatThrownBy(() -> poll(PASSWORD + "x", OPEN_TOPIC, 1)).isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void thePlatformsListenerNeedsNoCredentialsAndReadsEverything() {
        assertThat(KafkaTestClient.consume(infra.kafkaBootstrapServers(), CLOSED_TOPIC, 1)).containsExactly("internal-1");
    }

    private static AclBinding allow(ResourcePattern pattern, String principal, AclOperation operation) {
        return new AclBinding(pattern, new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    /** A consumer as an agency runs it: SCRAM on the subscriber listener, a group under its prefix. */
    private static List<String> poll(String password, String topic, int expected) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaSubscriberBootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"" + USER + "\" password=\"" + password + "\";");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, USER + "." + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
