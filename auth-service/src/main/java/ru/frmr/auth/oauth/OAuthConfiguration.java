package ru.frmr.auth.oauth;

import java.time.Clock;

import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.auth.client.ClientAgencies;
import ru.frmr.auth.client.MachineClients;

/**
 * Machine clients and the client-credentials grant. {@code frmr.auth.oauth.token-endpoint} is the token endpoint's
 * public URL (through the gateway), which every client assertion must name in {@code aud}. The agencies come from
 * the one {@link ClientAgencies} bean the agency registry provides; without one no agency is known, so nothing is
 * registered and no token issued.
 */
@Configuration(proxyBeanMethods = false)
class OAuthConfiguration {

    @Bean
    MachineClients machineClients(MongoTemplate mongo, ObjectProvider<ClientAgencies> agencies, Clock clock,
                                  EventGateway events) {
        return new MachineClients(mongo, agencies(agencies), clock, events);
    }

    @Bean
    MongoAssertionJtis assertionJtis(MongoTemplate mongo, Clock clock) {
        return new MongoAssertionJtis(mongo, clock);
    }

    @Bean
    ClientAssertions clientAssertions(MachineClients clients, ObjectProvider<ClientAgencies> agencies,
                                      MongoAssertionJtis jtis, Clock clock,
                                      @Value("${frmr.auth.oauth.token-endpoint}") String tokenEndpoint) {
        return new ClientAssertions(clients::find, agencies(agencies), jtis, clock, tokenEndpoint);
    }

    private static ClientAgencies agencies(ObjectProvider<ClientAgencies> agencies) {
        return agencyId -> {
            ClientAgencies directory = agencies.getIfAvailable();
            return directory == null ? java.util.Optional.empty() : directory.find(agencyId);
        };
    }
}
