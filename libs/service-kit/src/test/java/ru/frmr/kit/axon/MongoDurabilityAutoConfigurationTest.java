package ru.frmr.kit.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MongoDurabilityAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class,
                    MongoDurabilityAutoConfiguration.class));

    @Test
    void writesAreMajorityJournaledAndReadsMajorityByDefault() {
        runner.withPropertyValues("spring.data.mongodb.uri=mongodb://127.0.0.1:27017/registry_service")
                .run(context -> {
                    MongoClientSettings settings = settingsAsBootBuildsThem(context);
                    assertThat(settings.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
                    assertThat(settings.getWriteConcern().getJournal()).isTrue();
                    assertThat(settings.getReadConcern()).isEqualTo(ReadConcern.MAJORITY);
                });
    }

    @Test
    void concernsNamedInTheConnectionStringWin() {
        runner.withPropertyValues(
                        "spring.data.mongodb.uri=mongodb://127.0.0.1:27017/x?w=2&journal=false&readConcernLevel=local")
                .run(context -> {
                    MongoClientSettings settings = settingsAsBootBuildsThem(context);
                    assertThat(settings.getWriteConcern()).isEqualTo(new WriteConcern(2).withJournal(false));
                    assertThat(settings.getReadConcern()).isEqualTo(ReadConcern.LOCAL);
                });
    }

    /** The connection string first, then every customizer in order: what Boot's client factory does. */
    private static MongoClientSettings settingsAsBootBuildsThem(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        context.getBeanProvider(MongoClientSettingsBuilderCustomizer.class).orderedStream()
                .forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }
}
