package ru.frmr.registry.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.kit.crypto.CryptoAutoConfiguration;

/** Without a master key the registry must not start: it would have nowhere to keep personal data sealed. */
class PersonalDataConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CryptoAutoConfiguration.class))
            .withUserConfiguration(PersonalDataConfiguration.class)
            .withBean(MongoTemplate.class, () -> mock(MongoTemplate.class));

    @Test
    void refusesToStartWithoutAMasterKeyNamingWhatToSet() {
        runner.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("frmr.crypto.master-key")
                .hasMessageContaining("FRMR_CRYPTO_MASTER_KEY"));
    }

    @Test
    void startsWithAMasterKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        runner.withPropertyValues("frmr.crypto.master-key=" + Base64.getEncoder().encodeToString(key),
                        "frmr.crypto.master-key-id=mk-test")
                .run(context -> assertThat(context).hasSingleBean(PersonalDataVault.class));
    }
}
