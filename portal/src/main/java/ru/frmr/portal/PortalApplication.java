package ru.frmr.portal;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import ru.frmr.topology.Topology;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PortalApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(PortalApplication.class);
        // Where the portal reaches the platform: the gateway of the topology, unless a deployment says otherwise.
        application.setDefaultProperties(Map.of("frmr.portal.gateway-url",
                Topology.LOCAL.service(Topology.GATEWAY).primary().url()));
        application.run(args);
    }
}
