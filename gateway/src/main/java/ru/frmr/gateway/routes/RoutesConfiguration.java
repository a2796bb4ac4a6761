package ru.frmr.gateway.routes;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import ru.frmr.topology.Topology;

/** Where requests go: the services of the platform's topology, each copy of a replicated one in turn. */
@Configuration(proxyBeanMethods = false)
public class RoutesConfiguration {

    @Bean
    TopologyRoutes topologyRoutes(Environment environment) {
        return new TopologyRoutes(Topology.LOCAL,
                key -> environment.getProperty(TopologyDefaults.SERVICES_PREFIX + key));
    }

    @Bean
    ReplicaRetryFilter replicaRetryFilter(TopologyRoutes routes, ReplicaRetryProperties retry,
                                          ObjectProvider<Clock> clock) {
        return new ReplicaRetryFilter(routes.replicasByRoute(retry.avoidFor(), clock.getIfAvailable(Clock::systemUTC)),
                retry);
    }
}
