package ru.frmr.gateway.routes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import ru.frmr.topology.Topology;

/** Where requests go: the services of the platform's topology. */
@Configuration(proxyBeanMethods = false)
public class RoutesConfiguration {

    @Bean
    TopologyRoutes topologyRoutes(Environment environment) {
        return new TopologyRoutes(Topology.LOCAL,
                key -> environment.getProperty(TopologyDefaults.SERVICES_PREFIX + key));
    }
}
