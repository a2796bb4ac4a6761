package ru.frmr.audit.ledger.verification;

import java.time.Clock;

import io.micrometer.core.instrument.binder.MeterBinder;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.audit.ledger.LedgerQueries;
import ru.frmr.audit.ledger.checkpoint.CheckpointAudit;
import ru.frmr.audit.ledger.checkpoint.Checkpoints;
import ru.frmr.kit.deadline.SweepSchedule;

/** The ledger's periodic verification, its lock, schedule and gauges. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VerificationProperties.class)
class VerificationConfiguration {

    /** ShedLock's collection, the one the other sweeps share: one document per lock name. */
    static final String LOCK_COLLECTION = "shedlock";

    @Bean
    LedgerVerifications ledgerVerifications(LedgerQueries ledger, Checkpoints checkpoints,
                                            CheckpointAudit checkpointAudit, MongoTemplate mongo,
                                            ObjectProvider<Clock> clock, VerificationProperties properties) {
        return new LedgerVerifications(ledger, checkpoints, checkpointAudit,
                mongo.getCollection(LedgerVerifications.COLLECTION), clock.getIfAvailable(Clock::systemUTC),
                new MongoLockProvider(mongo.getDb().getCollection(LOCK_COLLECTION)), properties.lockAtMostFor(),
                properties.lockAtLeastFor());
    }

    @Bean
    MeterBinder ledgerVerificationGauges(LedgerVerifications verifications) {
        return verifications::registerGauges;
    }

    @Bean
    SweepSchedule ledgerVerificationSchedule(LedgerVerifications verifications, VerificationProperties properties) {
        return new SweepSchedule(LedgerVerifications.LOCK_NAME, verifications::verify, properties.enabled(),
                properties.interval(), properties.initialDelay());
    }
}
