package ru.frmr.kit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import ru.frmr.contracts.Topics;

class KafkaTopicsAutoConfigurationTest {

    private static Map<String, NewTopic> declared(MockEnvironment environment) {
        return KafkaTopicsAutoConfiguration.topics(3, (short) 1, environment).stream().collect(Collectors.toMap(NewTopic::name, t -> t));
    }

    @Test
    void theAuthTopicAndItsDeadLettersKeepRecordsFourteenDaysOthersTheBrokersDefault() {
        Map<String, NewTopic> topics = declared(new MockEnvironment());

        String fourteenDays = String.valueOf(Duration.ofDays(14).toMillis());
        assertThat(topics.get(Topics.AUTH_EVENTS).configs()).containsEntry("retention.ms", fourteenDays);
        assertThat(topics.get(Topics.deadLetterOf(Topics.AUTH_EVENTS)).configs())
                .containsEntry("retention.ms", fourteenDays);
        // NewTopic has null configs when none were set: the broker's default applies.
        assertThat(Optional.ofNullable(topics.get(Topics.REGISTRY_EVENTS).configs()).orElse(Map.of()))
                .doesNotContainKey("retention.ms");
        assertThat(topics).hasSize(2 * (Topics.ALL_EVENT_TOPICS.size() + 1));
    }

    @Test
    void aConfiguredRetentionOverridesTheDefault() {
        Map<String, NewTopic> topics = declared(new MockEnvironment()
                .withProperty("frmr.kafka.retention.[frmr.auth.events]", "P3D")
                .withProperty("frmr.kafka.retention.[frmr.registry.events]", "30d"));

        assertThat(topics.get(Topics.AUTH_EVENTS).configs())
                .containsEntry("retention.ms", String.valueOf(Duration.ofDays(3).toMillis()));
        assertThat(topics.get(Topics.REGISTRY_EVENTS).configs())
                .containsEntry("retention.ms", String.valueOf(Duration.ofDays(30).toMillis()));
    }

    @Test
    void aRetentionThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> declared(new MockEnvironment()
                .withProperty("frmr.kafka.retention.[frmr.auth.events]", "0s")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frmr.auth.events");
    }
}
