package ru.frmr.kit.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI document of a servlet service that has springdoc on its class path (each sets
 * {@code springdoc.api-docs.path=/api/<service>/openapi.json} and {@code springdoc.api-docs.version=openapi_3_1}; the
 * kit's security serves that path without a token). Two ways to call: a person's bearer JWT (through the portal),
 * or a supervisory agency's machine client with the client-credentials grant at auth-service's token endpoint
 * ({@code frmr.openapi.token-url}, the public URL through the gateway).
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.configuration.SpringDocConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OpenApiAutoConfiguration {

    static final String BEARER = "bearer";
    static final String AGENCY_CLIENT = "agencyClient";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI platformOpenApi(@Value("${spring.application.name:service}") String service,
                            @Value("${frmr.openapi.token-url:http://localhost:8080/api/auth/oauth/token}")
                            String tokenUrl) {
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("registry.read", "supervisory reads of worker records, with a stated purpose");
        scopes.put("webhooks.manage", "the agency's own webhook subscriptions");
        scopes.put("audit.read", "audit checkpoints and proofs");
        Scopes oauthScopes = new Scopes();
        scopes.forEach(oauthScopes::addString);
        return new OpenAPI()
                .info(new Info().title("ФРМР " + service).version("v1")
                        .description("The REST API of " + service + ", through the gateway. Errors are "
                                + "application/problem+json (RFC 9457) naming the offending field."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("The platform's access token (ES256, keys at "
                                        + "/api/auth/.well-known/jwks.json)"))
                        .addSecuritySchemes(AGENCY_CLIENT, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                                .description("A supervisory agency's machine client: client-credentials grant, "
                                        + "client authentication private_key_jwt (RFC 7523)")
                                .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(tokenUrl)
                                        .scopes(oauthScopes)))))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(AGENCY_CLIENT));
    }
}
