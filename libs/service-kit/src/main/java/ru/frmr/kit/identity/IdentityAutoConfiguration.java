package ru.frmr.kit.identity;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** {@link WorkerIds} for services that know the shared key (registry-service, auth-service). */
@AutoConfiguration
@ConditionalOnProperty("frmr.identity.worker-id-key")
public class IdentityAutoConfiguration {

    @Bean
    WorkerIds workerIds(Environment environment) {
        return new WorkerIds(environment.getRequiredProperty("frmr.identity.worker-id-key"));
    }
}
