package ru.frmr.audit.config;

import java.time.Clock;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.audit.ledger.Ledger;
import ru.frmr.audit.ledger.LedgerIndexes;
import ru.frmr.audit.ledger.LedgerQueries;

@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    @Bean
    Ledger ledger(MongoTemplate mongo, LedgerProperties properties, ObjectProvider<Clock> clock) {
        MongoCollection<Document> collection = ledgerCollection(mongo);
        // Here, because appends rely on them and the Kafka consumer starts only after every bean exists.
        LedgerIndexes.ensure(collection);
        return new Ledger(collection, clock.getIfAvailable(Clock::systemUTC), properties.maxAppendAttempts());
    }

    @Bean
    LedgerQueries ledgerQueries(MongoTemplate mongo, LedgerProperties properties) {
        return new LedgerQueries(ledgerCollection(mongo), properties.verifyBatchSize());
    }

    private static MongoCollection<Document> ledgerCollection(MongoTemplate mongo) {
        return mongo.getCollection(Ledger.COLLECTION);
    }
}
