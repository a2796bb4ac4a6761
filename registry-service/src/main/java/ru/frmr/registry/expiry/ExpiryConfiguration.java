package ru.frmr.registry.expiry;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.kit.deadline.SweepSchedule;
import ru.frmr.registry.config.ExpiryProperties;

/** Licence expiry notices: the schedule's processor, the sweeper and its lock. */
@Configuration(proxyBeanMethods = false)
class ExpiryConfiguration {

    /** ShedLock's collection: one document per lock name. */
    static final String LOCK_COLLECTION = "shedlock";

    /**
     * A failed write of the schedule stops the processor, which retries the event with back-off, instead of
     * being logged and skipped (Axon's default): a skipped event would be a notice never sent.
     */
    @Autowired
    void retryFailedScheduling(EventProcessingConfigurer configurer) {
        configurer.registerListenerInvocationErrorHandler(LicenseExpiryProjection.PROCESSING_GROUP,
                c -> PropagatingErrorHandler.instance());
    }

    @Bean
    LicenseNoticeSweeper licenseNoticeSweeper(LicenseNotices notices, CommandGateway commands, Clock clock,
                                              MongoTemplate mongo, ExpiryProperties properties,
                                              MeterRegistry meters) {
        return new LicenseNoticeSweeper(notices, commands, clock,
                new MongoLockProvider(mongo.getDb().getCollection(LOCK_COLLECTION)), properties.lockAtMostFor(),
                meters);
    }

    @Bean
    SweepSchedule licenseNoticeSweepSchedule(LicenseNoticeSweeper sweeper, ExpiryProperties properties) {
        return new SweepSchedule(LicenseNoticeSweeper.LOCK_NAME, sweeper::sweep, properties.sweepEnabled(),
                properties.sweepInterval());
    }
}
