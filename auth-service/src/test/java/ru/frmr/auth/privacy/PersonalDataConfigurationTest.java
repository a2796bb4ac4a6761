package ru.frmr.auth.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.kit.crypto.CryptoAutoConfiguration;

/** auth-service does not start without its secrets: the master key and the key of its private СНИЛС index. */
class PersonalDataConfigurationTest {

    private static final String MASTER_KEY = "frmr.crypto.master-key=0Eo5qf3b8IfmzCvaqqSjKbdC3IMdkzHtuvkdlmFQdzE=";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CryptoAutoConfiguration.class))
            .withUserConfiguration(PersonalDataConfiguration.class)
            .withBean(MongoTemplate.class, () -> mock(MongoTemplate.class));

    @Test
    void refusesToStartWithoutAMasterKeyNamingIt() {
        runner.withPropertyValues("frmr.identity.snils-index.key=a-configured-key-0123456789abcdefghij")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("frmr.crypto.master-key"));
    }

    @Test
    void refusesToStartWithoutTheСнилсIndexKeyNamingIt() {
        runner.withPropertyValues(MASTER_KEY, "frmr.crypto.master-key-id=mk-test")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("auth-service")
                        .hasMessageContaining("frmr.identity.snils-index.key")
                        .hasMessageContaining("FRMR_IDENTITY_SNILS_INDEX_KEY"));
    }

    @Test
    void startsWithBoth() {
        runner.withPropertyValues(MASTER_KEY, "frmr.crypto.master-key-id=mk-test",
                        "frmr.identity.snils-index.key=a-configured-key-0123456789abcdefghij")
                .run(context -> assertThat(context).hasSingleBean(PersonalDataVault.class));
    }
}
