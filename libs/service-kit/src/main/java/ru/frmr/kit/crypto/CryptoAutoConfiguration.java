package ru.frmr.kit.crypto;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * {@link PersonalDataCipher} for services that hold personal data (registry-service), active when
 * {@code frmr.crypto.master-key} is set; data keys live in the service's own Mongo database.
 */
@AutoConfiguration(after = MongoDataAutoConfiguration.class)
@ConditionalOnProperty("frmr.crypto.master-key")
@EnableConfigurationProperties(CryptoProperties.class)
public class CryptoAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MasterKeyRing masterKeyRing(CryptoProperties properties) {
        return new MasterKeyRing(properties.masterKeyId(), properties.masterKey(), properties.previousMasterKeys());
    }

    @Bean
    @ConditionalOnMissingBean
    DataKeyStore dataKeyStore(MongoTemplate mongo, ObjectProvider<Clock> clock) {
        return new MongoDataKeyStore(mongo, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    PersonalDataCipher personalDataCipher(MasterKeyRing masterKeys, DataKeyStore store, CryptoProperties properties,
            ObjectProvider<Clock> clock) {
        return new AesGcmPersonalDataCipher(masterKeys, store, clock.getIfAvailable(Clock::systemUTC),
                properties.keyCacheTtl(), properties.keyCacheSize());
    }
}
