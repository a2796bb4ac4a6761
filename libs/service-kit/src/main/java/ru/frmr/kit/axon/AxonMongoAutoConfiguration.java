package ru.frmr.kit.axon;

import com.mongodb.client.MongoClient;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import ru.frmr.kit.security.SecurityContextActorResolver;

import java.util.concurrent.Executors;

/**
 * Axon on MongoDB without Axon Server: axon-mongo 4.12 has no Boot auto-configuration, so the event
 * store (the outbox of the Kafka relay), token store and saga store are declared here once, with the snapshot
 * trigger aggregates may opt into ({@link AggregateSnapshots}).
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
@ConditionalOnClass({MongoEventStorageEngine.class, CommandGateway.class})
@EnableConfigurationProperties({AxonMongoProperties.class, MongoProperties.class, SnapshotProperties.class})
public class AxonMongoAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    org.axonframework.extensions.mongo.MongoTemplate axonMongoTemplate(MongoClient client, MongoProperties mongo) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, mongo.getMongoClientDatabase()).build();
    }

    @Bean
    @ConditionalOnMissingBean
    EventStorageEngine eventStorageEngine(org.axonframework.extensions.mongo.MongoTemplate template,
                                          Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          AxonMongoProperties properties,
                                          ObjectProvider<EventUpcaster> upcasters) {
        // A storage engine declared by hand gets no upcasters from Axon: the service's EventUpcaster beans
        // are chained here, in their @Order, so stored events of an older @Revision are read in the current shape.
        return MongoEventStorageEngine.builder()
                .mongoTemplate(template)
                .storageStrategy(new DocumentPerEventStorageStrategy(EventEntryConfiguration.getDefault(),
                        properties.lookBack()))
                .snapshotSerializer(AggregateSnapshots.serializer(serializer))
                .snapshotFilter(AggregateSnapshots.currentShapeOnly())
                .eventSerializer(eventSerializer)
                .upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()))
                .build();
    }

    /** The snapshot trigger aggregates name in {@code @Aggregate}; see {@link AggregateSnapshots}. */
    @Bean(AggregateSnapshots.TRIGGER)
    SnapshotTriggerDefinition frmrSnapshotTrigger(Snapshotter snapshotter, SnapshotProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.threshold());
    }

    @Bean
    @ConditionalOnMissingBean
    TokenStore tokenStore(org.axonframework.extensions.mongo.MongoTemplate template, Serializer serializer,
                          AxonMongoProperties properties) {
        return MongoTokenStore.builder()
                .mongoTemplate(template)
                .serializer(serializer)
                .claimTimeout(properties.claimTimeout())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    SagaStore<Object> sagaStore(org.axonframework.extensions.mongo.MongoTemplate template, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(template).serializer(serializer).build();
    }

    @Bean
    @ConditionalOnMissingBean
    ActorResolver actorResolver() {
        return new SecurityContextActorResolver();
    }

    @Bean
    TraceContextDispatchInterceptor traceContextDispatchInterceptor(ObjectProvider<Tracer> tracer,
                                                                    ObjectProvider<Propagator> propagator,
                                                                    ActorResolver actorResolver) {
        return new TraceContextDispatchInterceptor(tracer, propagator, actorResolver);
    }

    /** Every event processor's handling continues the trace of the request that stored the event. */
    @Bean
    ConfigurerModule traceContextHandlerInterceptors(ObjectProvider<Tracer> tracer,
                                                     ObjectProvider<Propagator> propagator) {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (configuration, processor) -> new TraceContextHandlerInterceptor(processor, tracer, propagator));
    }

    @Bean
    CorrelationDataProvider traceCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(
                TraceContextDispatchInterceptor.CORRELATION_KEYS.toArray(String[]::new));
    }

    /**
     * Retries a command that lost an optimistic-concurrency race on the event store's unique
     * (aggregate id, sequence) index; every other failure goes straight back to the caller.
     */
    @Bean
    @ConditionalOnMissingBean
    CommandGateway commandGateway(CommandBus commandBus, TraceContextDispatchInterceptor traceInterceptor,
                                  AxonMongoProperties properties) {
        RetryScheduler retry = ConcurrencyRetryScheduler.create(
                Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "axon-command-retry");
                    thread.setDaemon(true);
                    return thread;
                }),
                100, properties.commandRetries());
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(retry)
                .dispatchInterceptors(traceInterceptor)
                .build();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(AxonProblemAdvice.class)
    static class Web {
    }
}
