package ru.frmr.notification.delivery;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.kit.deadline.SweepSchedule;
import ru.frmr.kit.observability.CachedValue;
import ru.frmr.notification.delivery.query.Deliveries;
import ru.frmr.notification.delivery.send.ChannelSender;
import ru.frmr.notification.delivery.send.NoticeMailProperties;
import ru.frmr.notification.notice.AddressBook;
import ru.frmr.notification.notice.Templates;
import ru.frmr.notification.sms.SmsProperties;

/** The outbox's sweeper, its lock, its schedule, the channels' breakers and the pending gauge. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DeliveryProperties.class, NoticeMailProperties.class, SmsProperties.class})
class DeliveryConfiguration {

    /** ShedLock's collection: one document per lock name. */
    static final String LOCK_COLLECTION = "shedlock";

    @Bean
    ChannelBreakers channelBreakers(DeliveryProperties properties, MeterRegistry meters) {
        return new ChannelBreakers(properties.breaker(), meters);
    }

    @Bean
    DeliverySweeper deliverySweeper(Deliveries deliveries, AddressBook addresses, Templates templates,
                                    PersonalDataCipher cipher, List<ChannelSender> senders, ChannelBreakers breakers,
                                    CommandGateway commands, DeliveryProperties properties, Clock clock,
                                    MongoTemplate mongo, MeterRegistry meters) {
        // A count query: run at most once per few seconds, however often Prometheus scrapes.
        CachedValue pending = new CachedValue("frmr.notification.pending", deliveries::pendingCount,
                CachedValue.DEFAULT_TTL, clock);
        Gauge.builder("frmr.notification.pending", pending, CachedValue::getAsDouble).strongReference(true)
                .description("Notices waiting to go out (queued, backing off, or held by an open breaker)")
                .register(meters);
        return new DeliverySweeper(deliveries, addresses, templates, cipher, senders, breakers, commands, properties,
                clock, new MongoLockProvider(mongo.getDb().getCollection(LOCK_COLLECTION)), meters);
    }

    @Bean
    SweepSchedule deliverySchedule(DeliverySweeper sweeper, DeliveryProperties properties) {
        return new SweepSchedule(DeliverySweeper.LOCK_NAME, sweeper::sweep, properties.sweepEnabled(),
                properties.sweepInterval());
    }
}
