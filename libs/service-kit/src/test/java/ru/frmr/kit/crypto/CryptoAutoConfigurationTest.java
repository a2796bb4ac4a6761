package ru.frmr.kit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;

class CryptoAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CryptoAutoConfiguration.class))
            .withBean(MongoTemplate.class, () -> mock(MongoTemplate.class));

    @Test
    void staysOffWithoutAMasterKey() {
        runner.run(context -> assertThat(context).doesNotHaveBean(PersonalDataCipher.class));
    }

    @Test
    void providesTheCipherWhenAMasterKeyIsConfigured() {
        String key = TestKeys.randomMasterKey();
        runner.withPropertyValues("frmr.crypto.master-key=" + key, "frmr.crypto.master-key-id=mk-2",
                        "frmr.crypto.previous-master-keys.mk-1=" + TestKeys.randomMasterKey(),
                        "frmr.crypto.key-cache-ttl=5s")
                .run(context -> {
                    assertThat(context).hasSingleBean(PersonalDataCipher.class)
                            .hasSingleBean(MongoDataKeyStore.class);
                    assertThat(context.getBean(MasterKeyRing.class).toString())
                            .contains("mk-2", "mk-1").doesNotContain(key);
                });
    }

    @Test
    void failsFastOnAMalformedMasterKey() {
        runner.withPropertyValues("frmr.crypto.master-key=c2hvcnQ=", "frmr.crypto.master-key-id=mk-1")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("32 bytes"));
    }
}
