package ru.frmr.kit.ops;

import static ru.frmr.kit.security.PlatformAccess.anyRole;

import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import ru.frmr.kit.axon.AxonMongoAutoConfiguration;
import ru.frmr.kit.relay.KafkaRelay;
import ru.frmr.kit.security.AuthorizationRules;

/**
 * Operator endpoints for every service with Axon that names where they live ({@code frmr.ops.path}), guarded by
 * {@code frmr.ops.roles}. The Kafka relay is never replayable: it would publish every stored event again.
 */
@AutoConfiguration(after = AxonMongoAutoConfiguration.class)
@ConditionalOnClass({EventProcessingConfiguration.class, MongoTrackingToken.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty("frmr.ops.path")
@EnableConfigurationProperties(OpsProperties.class)
@Import(ProjectionOpsController.class)
public class OpsAutoConfiguration {

    @Bean
    ProjectionReplays projectionReplays(EventProcessingConfiguration eventProcessing) {
        return new ProjectionReplays(eventProcessing::eventProcessors, Map.of(KafkaRelay.PROCESSING_GROUP,
                "it publishes the stored events to Kafka, and a replay would publish every one of them again"));
    }

    /** First, so that no broader rule of the service can open the operator paths to other roles. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    AuthorizationRules opsAccessRules(OpsProperties properties) {
        return requests -> requests.requestMatchers(properties.path() + "/**")
                .access(anyRole(properties.roles().toArray(String[]::new)));
    }
}
