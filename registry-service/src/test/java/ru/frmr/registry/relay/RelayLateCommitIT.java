package ru.frmr.registry.relay;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.registry.web.RegistryClient;

/** {@link RelayLateCommitContract} on the in-process broker and Mongo wire server of this JVM. */
class RelayLateCommitIT extends RelayLateCommitContract {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        RegistryClient.useSharedInfra(registry, DB);
    }
}
