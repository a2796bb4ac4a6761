package ru.frmr.auth.it;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import ru.frmr.auth.client.ClientAgencies;
import ru.frmr.auth.client.ClientAgencies.AgencyView;

/**
 * Agencies for the machine-client tests, held in memory: the port {@link ClientAgencies} is bound to the agency
 * registry in the application; here a test puts the agency it needs.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestAgencies {

    private static final Map<String, AgencyView> AGENCIES = new ConcurrentHashMap<>();

    static void put(AgencyView agency) {
        AGENCIES.put(agency.agencyId(), agency);
    }

    @Bean
    ClientAgencies clientAgencies() {
        return agencyId -> Optional.ofNullable(AGENCIES.get(agencyId));
    }
}
