package ru.frmr.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.registry.command.SnilsIndex;

/** Without the key of its private СНИЛС index the registry must not start: it could not keep the СНИЛС unique. */
class IdentityConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(IdentityConfiguration.class)
            .withBean(MongoTemplate.class, () -> mock(MongoTemplate.class))
            .withBean(EventStore.class, () -> mock(EventStore.class))
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void refusesToStartWithoutTheIndexKeyNamingWhatToSet() {
        runner.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("registry-service")
                .hasMessageContaining("frmr.identity.snils-index.key")
                .hasMessageContaining("FRMR_IDENTITY_SNILS_INDEX_KEY"));
    }

    @Test
    void refusesAShortKeyNamingTheProperty() {
        runner.withPropertyValues("frmr.identity.snils-index.key=too-short")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("frmr.identity.snils-index.key"));
    }

    @Test
    void startsWithAKey() {
        runner.withPropertyValues("frmr.identity.snils-index.key=a-configured-key-0123456789abcdefghij",
                        "frmr.identity.snils-index.key-id=prod-1")
                .run(context -> assertThat(context).hasSingleBean(SnilsIndex.class));
    }
}
