package ru.frmr.employer;

import java.net.URI;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.frmr.kit.openapi.OpenApiCoverage;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.infra.embedded.ServiceSmokeChecks;
import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;

/** The placeholder employer-service starts against real Kafka and Mongo and shows only what the service kit gives it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestOrganizations.class)
@AutoConfigureObservability
class EmployerServiceIT {

    private static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra infra = SharedTestInfra.get();
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> infra.mongoUri("employer_service_it"));
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
        checks.metricsCarryTheServiceTag("employer-service");
        checks.metricsAreNotOnTheApiPort();
        checks.onlyOperationalEndpointsAreExposed();
        checks.anonymousRequestsAreUnauthorizedProblems();
        checks.unknownRoutesAreNotFoundProblems();
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping openApiHandlers;

    /** The OpenAPI 3.1 document: served without a token, listing every handler of the service. */
    @Test
    void theOpenApiDocumentIsPublicAndCoversEveryHandler() {
        OpenApiCoverage.verify(URI.create("http://127.0.0.1:" + port + "/api/employer/openapi.json"), openApiHandlers);
    }
}
