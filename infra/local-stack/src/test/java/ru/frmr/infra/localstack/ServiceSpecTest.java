package ru.frmr.infra.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceSpecTest {

    @Test
    void portsAreDistinctAndClearOfTheInfrastructure() {
        assertThat(ServiceSpec.ALL).extracting(ServiceSpec::port)
                .doesNotHaveDuplicates()
                .doesNotContain(Stack.KAFKA_PORT, Stack.KAFKA_CONTROLLER_PORT, Stack.MONGO_PORT);
    }

    @Test
    void gatewayStartsLast() {
        assertThat(ServiceSpec.ALL.get(ServiceSpec.ALL.size() - 1)).isEqualTo(new ServiceSpec("gateway", 8080));
    }

    @Test
    void theEsiaEmulatorStartsFirstFromItsInfraModule() {
        ServiceSpec first = ServiceSpec.ALL.get(0);

        assertThat(first).isEqualTo(new ServiceSpec("infra/esia-emulator", 8089));
        assertThat(first.name()).isEqualTo("esia-emulator");
    }

    @Test
    void databaseNameReplacesDashes() {
        assertThat(new ServiceSpec("registry-service", 8081).database()).isEqualTo("registry_service");
    }
}
