package ru.frmr.registry.config;

import java.time.Clock;
import java.util.Optional;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.kit.identity.LegacyWorkerIds;
import ru.frmr.kit.identity.SnilsIndexKeys;
import ru.frmr.registry.command.SnilsIndex;

/**
 * The private СНИЛС index and its keys. No key, no start: the index keeps the СНИЛС unique, and a committed key
 * exists only in the {@code local} and {@code test} profiles.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    SnilsIndex snilsIndex(MongoTemplate mongo, EventStore eventStore, Environment environment, Clock clock) {
        Optional<LegacyWorkerIds> legacy = Optional.ofNullable(environment.getProperty(LegacyWorkerIds.PROPERTY))
                .filter(key -> !key.isBlank()).map(LegacyWorkerIds::new);
        return new SnilsIndex(mongo, SnilsIndexKeys.fromEnvironment(environment, "registry-service"), legacy,
                eventStore, clock);
    }
}
