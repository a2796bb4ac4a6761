package ru.frmr.kit.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import ru.frmr.contracts.Topics;

/**
 * Declares the platform's topics (and their dead-letter topics) so that producers and consumers never
 * depend on broker-side auto-creation; Boot's {@link KafkaAdmin} creates the missing ones at start.
 *
 * <p>Topics that carry personal data in plain text keep it only for a bounded, explicit time
 * ({@link #DEFAULT_RETENTION}; {@code frmr.kafka.retention.<topic>} overrides it, as a duration), whatever the
 * broker's default: {@code frmr.auth.events} holds the internal {@code AccountProvisioned} (СНИЛС, passport,
 * contacts) for the registry, and its dead-letter topic holds copies of it. Every service declares the same
 * retention, so the first to create the topic creates it bounded.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaAdmin.class)
public class KafkaTopicsAutoConfiguration {

    /** Long enough for a consumer to recover from days of outage, short enough not to be an archive. */
    public static final Duration PERSONAL_DATA_RETENTION = Duration.ofDays(14);

    static final Map<String, Duration> DEFAULT_RETENTION = Map.of(
            Topics.AUTH_EVENTS, PERSONAL_DATA_RETENTION,
            Topics.deadLetterOf(Topics.AUTH_EVENTS), PERSONAL_DATA_RETENTION);

    @Bean
    KafkaAdmin.NewTopics frmrTopics(@Value("${frmr.kafka.partitions:3}") int partitions,
                                    @Value("${frmr.kafka.replication-factor:1}") short replicationFactor,
                                    Environment environment) {
        return new KafkaAdmin.NewTopics(topics(partitions, replicationFactor, environment)
                .toArray(NewTopic[]::new));
    }

    static List<NewTopic> topics(int partitions, short replicationFactor, Environment environment) {
        Map<String, Duration> retention = retention(environment);
        List<String> names = new ArrayList<>(Topics.ALL_EVENT_TOPICS);
        names.add(Topics.AUDIT_ALERTS);
        List<String> withDeadLetters = new ArrayList<>(names);
        names.forEach(n -> withDeadLetters.add(Topics.deadLetterOf(n)));
        return withDeadLetters.stream()
                .map(n -> {
                    TopicBuilder topic = TopicBuilder.name(n).partitions(partitions).replicas(replicationFactor);
                    Duration kept = retention.get(n);
                    return (kept == null ? topic
                            : topic.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(kept.toMillis()))).build();
                })
                .toList();
    }

    /** The bounded retentions: the defaults, overridden by {@code frmr.kafka.retention.<topic>}. */
    static Map<String, Duration> retention(Environment environment) {
        Map<String, Duration> retention = new HashMap<>(DEFAULT_RETENTION);
        retention.putAll(Binder.get(environment)
                .bind("frmr.kafka.retention", Bindable.mapOf(String.class, Duration.class))
                .orElse(Map.of()));
        retention.forEach((topic, kept) -> {
            if (kept.isNegative() || kept.isZero()) {
                throw new IllegalArgumentException("frmr.kafka.retention." + topic + " must be positive");
            }
        });
        return retention;
    }
}
