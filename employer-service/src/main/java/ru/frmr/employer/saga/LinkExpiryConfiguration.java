package ru.frmr.employer.saga;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.employer.config.LinkRequestProperties;
import ru.frmr.kit.deadline.SweepSchedule;

/** Link request expiry: the sweeper, its lock and its schedule. */
@Configuration(proxyBeanMethods = false)
class LinkExpiryConfiguration {

    /** ShedLock's collection: one document per lock name. */
    static final String LOCK_COLLECTION = "shedlock";

    @Bean
    LinkRequestExpirySweeper linkRequestExpirySweeper(LinkRequestDeadlines deadlines, CommandGateway commands,
                                                      Clock clock, MongoTemplate mongo,
                                                      LinkRequestProperties properties, MeterRegistry meters) {
        return new LinkRequestExpirySweeper(deadlines, commands, clock,
                new MongoLockProvider(mongo.getDb().getCollection(LOCK_COLLECTION)), properties.lockAtMostFor(),
                meters);
    }

    @Bean
    SweepSchedule linkRequestExpirySchedule(LinkRequestExpirySweeper sweeper, LinkRequestProperties properties) {
        return new SweepSchedule(LinkRequestExpirySweeper.LOCK_NAME, sweeper::sweep, properties.sweepEnabled(),
                properties.sweepInterval());
    }
}
