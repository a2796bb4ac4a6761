package ru.frmr.notification;

import java.net.URI;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.frmr.kit.openapi.OpenApiCoverage;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.infra.embedded.ServiceSmokeChecks;
import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;

/** notification-service starts against real Kafka and Mongo and exposes only what the service kit gives every service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability
class NotificationServiceIT {

    private static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra infra = SharedTestInfra.get();
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> infra.mongoUri("notification_service_it"));
        registry.add("frmr.security.jwks-uri", ISSUER::jwksUri);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void servesOnlyWhatTheKitGivesEveryService() {
        ServiceSmokeChecks checks = new ServiceSmokeChecks(port, managementPort, ISSUER);
        checks.probesAreUp();
        checks.metricsCarryTheServiceTag("notification-service");
        checks.metricsAreNotOnTheApiPort();
        checks.onlyOperationalEndpointsAreExposed();
        checks.anonymousRequestsAreUnauthorizedProblems();
        checks.unknownRoutesAreNotFoundProblems();
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping openApiHandlers;

    /** The OpenAPI 3.1 document (support requests included): served without a token, listing every handler of the service. */
    @Test
    void theOpenApiDocumentIsPublicAndCoversEveryHandler() {
        OpenApiCoverage.verify(URI.create("http://127.0.0.1:" + port + "/api/notifications/openapi.json"), openApiHandlers);
    }
}
