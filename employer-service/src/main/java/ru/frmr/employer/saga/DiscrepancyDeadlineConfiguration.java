package ru.frmr.employer.saga;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.kit.deadline.SweepSchedule;

/** Discrepancy answer deadlines: the schedule's processor, the sweeper and its lock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DiscrepancyProperties.class)
class DiscrepancyDeadlineConfiguration {

    /** ShedLock's collection: one document per lock name. */
    static final String LOCK_COLLECTION = "shedlock";

    /**
     * A failed write of the schedule stops the processor, which retries the event with back-off, instead of
     * being logged and skipped (Axon's default): a skipped event would be a deadline that never fires.
     */
    @Autowired
    void retryFailedScheduling(EventProcessingConfigurer configurer) {
        configurer.registerListenerInvocationErrorHandler(AnswerDeadlineProjection.PROCESSING_GROUP,
                c -> PropagatingErrorHandler.instance());
    }

    @Bean
    OverdueSweeper overdueSweeper(AnswerDeadlines deadlines, CommandGateway commands, Clock clock,
                                  MongoTemplate mongo, DiscrepancyProperties properties, MeterRegistry meters) {
        return new OverdueSweeper(deadlines, commands, clock,
                new MongoLockProvider(mongo.getDb().getCollection(LOCK_COLLECTION)), properties.lockAtMostFor(),
                meters);
    }

    @Bean
    SweepSchedule overdueSweepSchedule(OverdueSweeper sweeper, DiscrepancyProperties properties) {
        return new SweepSchedule(OverdueSweeper.LOCK_NAME, sweeper::sweep, properties.sweepEnabled(),
                properties.sweepInterval());
    }
}
