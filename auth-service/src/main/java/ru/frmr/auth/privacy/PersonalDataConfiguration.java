package ru.frmr.auth.privacy;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.kit.identity.LegacyWorkerIds;
import ru.frmr.kit.identity.SnilsIndexKeys;

/**
 * auth-service stores personal data only sealed, so it does not start without the kit's cipher, which exists
 * only when a master key is configured, nor without the key of its private СНИЛС index (the subject of those data
 * keys, and how a qualified certificate finds its account). Development keys live in the {@code local} and {@code test} profiles;
 * every other deployment must bring its own.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    static final String MISSING_MASTER_KEY = "auth-service stores personal data (СНИЛС, ИНН, passport, "
            + "contacts) encrypted and cannot start without a master key: set frmr.crypto.master-key "
            + "(environment FRMR_CRYPTO_MASTER_KEY, base64 of 32 random bytes, e.g. `openssl rand -base64 32`) "
            + "and frmr.crypto.master-key-id (FRMR_CRYPTO_MASTER_KEY_ID)";

    @Bean
    PersonalDataVault personalDataVault(ObjectProvider<PersonalDataCipher> cipher, Environment environment) {
        PersonalDataCipher available = cipher.getIfAvailable();
        if (available == null) {
            throw new IllegalStateException(MISSING_MASTER_KEY);
        }
        return new PersonalDataVault(available, SnilsIndexKeys.fromEnvironment(environment, "auth-service"),
                legacyWorkerIds(environment));
    }

    /** Only where accounts from before registry numbers exist (their data keys' subjects are legacy worker ids). */
    static Optional<LegacyWorkerIds> legacyWorkerIds(Environment environment) {
        return Optional.ofNullable(environment.getProperty(LegacyWorkerIds.PROPERTY)).filter(key -> !key.isBlank())
                .map(LegacyWorkerIds::new);
    }
}
