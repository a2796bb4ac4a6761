package ru.frmr.kit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class KitDefaultsPortsTest {

    @Test
    void aServiceOfTheTopologyGetsItsPortsAndAManagementPortOnLoopback() {
        StandardEnvironment environment = environment("registry-service");

        assertThat(environment.getProperty("server.port")).isEqualTo("8081");
        assertThat(environment.getProperty("management.server.port")).isEqualTo("9081");
        assertThat(environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
        assertThat(environment.getProperty("server.address")).isNull();
    }

    @Test
    void inLocalTheApiListensOnLoopbackToo() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles("local");
        environment.getPropertySources().addFirst(
                new MapPropertySource("app", Map.of("spring.application.name", "auth-service")));
        new KitDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(environment.getProperty("server.port")).isEqualTo("8085");
    }

    @Test
    void anApplicationOutsideTheTopologyKeepsSpringsPorts() {
        StandardEnvironment environment = environment("some-tool");

        assertThat(environment.getProperty("server.port")).isNull();
        assertThat(environment.getProperty("management.server.port")).isNull();
    }

    @Test
    void theServicesOwnConfigurationWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("app",
                Map.of("spring.application.name", "registry-service", "management.server.port", "19081")));
        new KitDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.server.port")).isEqualTo("19081");
    }

    @Test
    void anOtlpEndpointIsConfiguredOnlyWhereFrmrOtlpEndpointNamesOne() {
        assertThat(environment("registry-service").getProperty("management.otlp.tracing.endpoint")).isNull();

        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("app", Map.of("spring.application.name",
                "registry-service", "frmr.otlp.endpoint", "http://collector:4318/v1/traces")));
        new KitDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.otlp.tracing.endpoint"))
                .isEqualTo("http://collector:4318/v1/traces");
    }

    private static StandardEnvironment environment(String name) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("app", Map.of("spring.application.name", name)));
        new KitDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
