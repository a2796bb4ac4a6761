package ru.frmr.audit.ledger.checkpoint;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import ru.frmr.audit.ledger.LedgerQueries;
import ru.frmr.audit.ledger.tree.TreeBuilder;
import ru.frmr.audit.ledger.tree.TreeNodes;
import ru.frmr.audit.ledger.tree.TreeProofs;
import ru.frmr.contracts.Topics;
import ru.frmr.kit.deadline.SweepSchedule;
import ru.frmr.kit.observability.KafkaClientMeters;

/** Signed checkpoints: the signer, their store, the sweep that makes and publishes them, its lock and topic. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CheckpointProperties.class)
class CheckpointConfiguration {

    /** ShedLock's collection: one document per lock name. */
    static final String LOCK_COLLECTION = "shedlock";

    @Bean
    NoteSigner noteSigner(CheckpointProperties properties) {
        return new NoteSigner(properties.keyName(), properties.signingKey());
    }

    @Bean
    Checkpoints checkpoints(MongoTemplate mongo) {
        return new Checkpoints(mongo.getCollection(Checkpoints.COLLECTION),
                mongo.getCollection(Checkpoints.PUBLICATIONS));
    }

    @Bean
    CheckpointAudit checkpointAudit(LedgerQueries ledger, TreeNodes nodes, NoteSigner signer,
                                    CheckpointProperties properties) {
        return new CheckpointAudit(ledger, nodes, signer, properties.origin());
    }

    /** Declared like the kit declares the event topics, so the first replica to start creates it. */
    @Bean
    NewTopic auditCheckpointsTopic(@Value("${frmr.kafka.replication-factor:1}") short replicationFactor) {
        // One partition: subscribers read the checkpoints in the order they were made.
        return TopicBuilder.name(Topics.AUDIT_CHECKPOINTS).partitions(1).replicas(replicationFactor).build();
    }

    @Bean
    KafkaTemplate<String, byte[]> checkpointTemplate(KafkaProperties kafka, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(null));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "audit-checkpoints");
        var factory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        factory.addListener(new KafkaClientMeters<>(meters));
        return new KafkaTemplate<>(factory);
    }

    @Bean
    CheckpointSweeper checkpointSweeper(TreeBuilder builder, TreeProofs tree, Checkpoints checkpoints,
                                        NoteSigner signer, KafkaTemplate<String, byte[]> checkpointTemplate,
                                        CheckpointProperties properties, ObjectProvider<Clock> clock,
                                        MongoTemplate mongo, MeterRegistry meters) {
        return new CheckpointSweeper(builder, tree, checkpoints, signer,
                new CheckpointPublisher(checkpoints, checkpointTemplate, properties.origin()), properties,
                clock.getIfAvailable(Clock::systemUTC),
                new MongoLockProvider(mongo.getDb().getCollection(LOCK_COLLECTION)), meters);
    }

    @Bean
    SweepSchedule checkpointSchedule(CheckpointSweeper sweeper, CheckpointProperties properties) {
        return new SweepSchedule(CheckpointSweeper.LOCK_NAME, sweeper::sweep, properties.sweepEnabled(),
                properties.sweepInterval());
    }
}
