package ru.frmr.registry.consumer;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.registry.web.RegistryClient;

/** {@link AccountProvisioningContract} on the in-process broker and Mongo wire server of this JVM. */
class AccountProvisioningIT extends AccountProvisioningContract {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        RegistryClient.useSharedInfra(registry, DB);
    }
}
