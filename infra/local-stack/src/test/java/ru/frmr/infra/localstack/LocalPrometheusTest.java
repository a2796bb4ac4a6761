package ru.frmr.infra.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.frmr.observability.PrometheusConfig;

class LocalPrometheusTest {

    @Test
    void everyInstanceIsATargetLabelledWithItsServicesName() {
        List<ServiceSpec> specs = List.of(new ServiceSpec("registry-service", "registry-service", 8081, 9081),
                new ServiceSpec("registry-service-2", "registry-service", 8181, 9181),
                new ServiceSpec("esia-emulator", "infra/esia-emulator", 8089, 9089));

        assertThat(LocalPrometheus.targets(specs))
                .extracting(PrometheusConfig.ScrapeTarget::service, PrometheusConfig.ScrapeTarget::address)
                .containsExactly(tuple("registry-service", "127.0.0.1:9081"), tuple("registry-service", "127.0.0.1:9181"),
                        tuple("esia-emulator", "127.0.0.1:9089"));
    }

    @Test
    void withOnlyTheInfrastructureItScrapesTheTopologysPortsForServicesRunFromTheIde() {
        assertThat(LocalPrometheus.targets(List.of())).hasSameSizeAs(ServiceSpec.ALL)
                .extracting(PrometheusConfig.ScrapeTarget::address)
                .contains("127.0.0.1:" + ServiceSpec.ALL.get(0).managementPort());
    }
}
