package ru.frmr.notification.support;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
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
import ru.frmr.kit.observability.CachedValue;
import ru.frmr.notification.support.api.SupportStatus;
import ru.frmr.notification.support.notice.SupportNotices;
import ru.frmr.notification.support.query.SupportRequestProjection;
import ru.frmr.notification.support.query.SupportRequests;
import ru.frmr.notification.support.sweep.AnswerTargetSweeper;
import ru.frmr.notification.support.sweep.AutoCloseSweeper;
import ru.frmr.notification.support.web.PublicFilingLimits;

/** Support requests: their processors, the sweeps (answer target, closing after 14 days) and the gauges. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupportProperties.class)
class SupportConfiguration {

    /** ShedLock's collection: one document per lock name. */
    static final String LOCK_COLLECTION = "shedlock";

    /**
     * A failed step stops its processor, which retries the event with back-off, instead of being logged and skipped
     * (Axon's default): a skipped event would be a request missing from the queue or a notice never queued.
     */
    @Autowired
    void retryFailedSteps(EventProcessingConfigurer configurer) {
        for (String group : List.of(SupportRequestProjection.GROUP, SupportNotices.GROUP)) {
            configurer.registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance());
        }
    }

    @Bean
    AnswerTargetSweeper answerTargetSweeper(SupportRequests requests, CommandGateway commands, Clock clock,
                                            MongoTemplate mongo, SupportProperties properties, MeterRegistry meters) {
        return new AnswerTargetSweeper(requests, commands, clock,
                new MongoLockProvider(mongo.getDb().getCollection(LOCK_COLLECTION)), properties.lockAtMostFor(),
                meters);
    }

    @Bean
    AutoCloseSweeper autoCloseSweeper(SupportRequests requests, CommandGateway commands, Clock clock,
                                      MongoTemplate mongo, SupportProperties properties, MeterRegistry meters) {
        return new AutoCloseSweeper(requests, commands, clock,
                new MongoLockProvider(mongo.getDb().getCollection(LOCK_COLLECTION)), properties.lockAtMostFor(),
                meters);
    }

    /** Both sweeps, and forgetting the rate-limit windows that have ended. */
    @Bean
    SweepSchedule supportSweepSchedule(AnswerTargetSweeper answerTarget, AutoCloseSweeper autoClose,
                                       PublicFilingLimits limits, SupportProperties properties, Clock clock) {
        return new SweepSchedule("support-sweeps", () -> {
            answerTarget.sweep();
            autoClose.sweep();
            limits.forgetEndedWindows(clock.instant());
        }, properties.sweepEnabled(), properties.sweepInterval());
    }

    @Autowired
    void gauges(MeterRegistry meters, SupportRequests requests, Clock clock) {
        // Count queries: each runs at most once per few seconds, however often Prometheus scrapes.
        CachedValue open = new CachedValue("frmr.support.requests.open",
                () -> requests.count(List.of(SupportStatus.NEW, SupportStatus.IN_WORK)), CachedValue.DEFAULT_TTL, clock);
        CachedValue overdue = new CachedValue("frmr.support.requests.overdue",
                () -> requests.countOverdue(clock.instant()), CachedValue.DEFAULT_TTL, clock);
        Gauge.builder("frmr.support.requests.open", open, CachedValue::getAsDouble).strongReference(true)
                .description("Support requests waiting for an answer").register(meters);
        Gauge.builder("frmr.support.requests.overdue", overdue, CachedValue::getAsDouble).strongReference(true)
                .description("Support requests waiting past their answer target").register(meters);
    }
}
