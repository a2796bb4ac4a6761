package ru.frmr.kit.axon;

import com.mongodb.ConnectionString;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;

/**
 * Every service's Mongo client writes with {@code w: majority, j: true} and reads with read concern
 * {@code majority}, unless the connection string names its own ({@code w=…}, {@code journal=…},
 * {@code readConcernLevel=…}), which then wins.
 *
 * <p>Why: a command's answer (204, 201, 202) promises that its events are in the event store. On a replica set
 * a write acknowledged by the primary alone is rolled back when that primary fails before a secondary copied
 * it, and without journaling it is lost when the primary's process dies before the next checkpoint; majority
 * plus journal is the acknowledgement that no single crash can take back.
 *
 * <p>Why majority reads: the Kafka relay is a tracking processor reading the event store. With read concern
 * {@code local} it can see, and publish, an event another command has written but whose majority commit is
 * still pending; if the primary then fails, the event store loses it while Kafka keeps it, and the next event
 * of that aggregate reuses its sequence number. Majority reads show only what cannot be rolled back, so the
 * relay publishes only durable events. A time margin ("publish only events older than N s") was rejected: age
 * does not make a write durable, it only makes loss less likely, and it delays every event by N. Applying it
 * client-wide keeps read-your-writes for every other reader, since each write is itself majority-acknowledged.
 * axon-mongo's tracking look-back window ({@code frmr.axon.look-back}, 60 s) covers an event that becomes
 * majority-visible later than a newer one. The embedded Mongo of local runs ignores these concerns; it is
 * made durable on its own ({@code libs/embedded-infra} DurableH2Backend).
 */
@AutoConfiguration
@ConditionalOnClass({MongoClient.class, MongoClientSettingsBuilderCustomizer.class})
public class MongoDurabilityAutoConfiguration {

    static final WriteConcern DEFAULT_WRITE_CONCERN = WriteConcern.MAJORITY.withJournal(true);
    static final ReadConcern DEFAULT_READ_CONCERN = ReadConcern.MAJORITY;

    @Bean
    MongoClientSettingsBuilderCustomizer frmrMongoDurability(ObjectProvider<MongoConnectionDetails> connection) {
        return settings -> {
            MongoConnectionDetails details = connection.getIfAvailable();
            ConnectionString uri = details == null ? null : details.getConnectionString();
            if (uri == null || uri.getWriteConcern() == null) {
                settings.writeConcern(DEFAULT_WRITE_CONCERN);
            }
            if (uri == null || uri.getReadConcern() == null) {
                settings.readConcern(DEFAULT_READ_CONCERN);
            }
        };
    }
}
