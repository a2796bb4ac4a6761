package ru.frmr.kit.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import ru.frmr.contracts.Topics;

/**
 * Declares the platform's topics (and their dead-letter topics) so that producers and consumers never
 * depend on broker-side auto-creation; Boot's {@link KafkaAdmin} creates the missing ones at start.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaAdmin.class)
public class KafkaTopicsAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics frmrTopics(@Value("${frmr.kafka.partitions:3}") int partitions,
                                    @Value("${frmr.kafka.replication-factor:1}") short replicationFactor) {
        List<String> names = new ArrayList<>(Topics.ALL_EVENT_TOPICS);
        names.add(Topics.AUDIT_ALERTS);
        List<String> withDeadLetters = new ArrayList<>(names);
        names.forEach(n -> withDeadLetters.add(Topics.deadLetterOf(n)));
        return new KafkaAdmin.NewTopics(withDeadLetters.stream()
                .map(n -> TopicBuilder.name(n).partitions(partitions).replicas(replicationFactor).build())
                .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }
}
