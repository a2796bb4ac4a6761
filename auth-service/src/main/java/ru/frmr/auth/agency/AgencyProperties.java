package ru.frmr.auth.agency;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Agencies' access ({@code frmr.auth.agencies.*}). auth-service changes SCRAM users and ACLs through the platform's
 * own listener ({@code spring.kafka.bootstrap-servers}, as the platform's super user); agencies connect to the
 * subscriber listener named here.
 */
@Validated
@ConfigurationProperties("frmr.auth.agencies")
public record AgencyProperties(@Valid @NotNull Kafka kafka) {

    /**
     * @param subscriberBootstrapServers what agencies connect to (told in the onboarding answer)
     * @param securityProtocol           {@code SASL_SSL} in production, {@code SASL_PLAINTEXT} on a developer's
     *                                   loopback only
     * @param scramIterations            PBKDF2 iterations of the stored SCRAM verifier (Kafka's minimum is 4096)
     * @param adminTimeout               how long a credential or ACL change may wait for the broker before the
     *                                   request answers 503
     */
    public record Kafka(@NotBlank String subscriberBootstrapServers, @NotNull SecurityProtocol securityProtocol,
                        @Min(4096) int scramIterations, @NotNull Duration adminTimeout) {
    }

    public enum SecurityProtocol {
        SASL_PLAINTEXT,
        SASL_SSL
    }
}
