package ru.frmr.kit.axon;

import java.time.Clock;
import java.util.Set;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * Metrics of the Axon services: axon-micrometer's meters (switched to dimensional, tagged with the processor's
 * name, in {@link ru.frmr.kit.config.KitDefaults}) without their client-side quantiles, and the processors' lag
 * from startup ({@link ProcessorLagGauges}).
 */
@AutoConfiguration(after = AxonMongoAutoConfiguration.class)
@ConditionalOnClass({MongoEventStorageEngine.class, EventProcessingConfiguration.class, MeterRegistry.class})
public class AxonMetricsAutoConfiguration {

    /** The name prefixes axon-micrometer gives its meters (dimensional: the component's kind, not its name). */
    static final Set<String> AXON_METER_PREFIXES =
            Set.of("eventProcessor.", "commandBus.", "eventStore.", "queryBus.", "queryUpdateEmitter.");

    /**
     * Axon's timers publish six client-side quantiles each, four timers per processor and payload type: hundreds of
     * series that cannot be aggregated across replicas anyway. Count, sum and max remain.
     */
    @Bean
    MeterFilter axonTimersWithoutQuantiles() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (AXON_METER_PREFIXES.stream().noneMatch(id.getName()::startsWith)) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentiles(new double[0]).build().merge(config);
            }
        };
    }

    @Bean
    @ConditionalOnBean(org.axonframework.extensions.mongo.MongoTemplate.class)
    ApplicationListener<ApplicationStartedEvent> processorLagGauges(
            org.axonframework.extensions.mongo.MongoTemplate template,
            ObjectProvider<EventProcessingConfiguration> processing, MeterRegistry registry,
            ObjectProvider<Clock> clock) {
        ProcessorLagGauges gauges = new ProcessorLagGauges(template.eventCollection(),
                clock.getIfAvailable(Clock::systemUTC));
        // The processors exist once Axon's configuration is built and started: at ApplicationStarted.
        return event -> processing.ifAvailable(p -> gauges.register(p::eventProcessors, registry));
    }
}
