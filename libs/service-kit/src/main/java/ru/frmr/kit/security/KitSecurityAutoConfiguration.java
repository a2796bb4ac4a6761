package ru.frmr.kit.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import ru.frmr.kit.web.Problems;

/**
 * Every servlet service is an OAuth2 resource server for the platform's access tokens: stateless (no
 * session, no CSRF, since nothing rides on cookies), 401/403 as problem+json, probes and metrics open.
 * What each caller may do is the service's own {@link AuthorizationRules}.
 *
 * <p>Ordered before Boot's security auto-configuration so that Boot's default chain, its generated
 * in-memory user and its own resource-server chain all back off.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class KitSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(PlatformSecurityProperties properties, ObjectProvider<Clock> clock) {
        return PlatformJwtDecoders.fromJwks(properties, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    SecurityProblemResponder securityProblemResponder(Problems problems, ObjectMapper json) {
        return new SecurityProblemResponder(problems, json);
    }

    @Bean
    SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, JwtDecoder decoder,
                                                    SecurityProblemResponder responder,
                                                    ObjectProvider<AuthorizationRules> rules,
                                                    PlatformSecurityProperties properties,
                                                    @Value("${server.error.path:/error}") String errorPath,
                                                    @Value("${springdoc.api-docs.path:}") String apiDocsPath)
            throws Exception {
        List<String> open = new ArrayList<>(properties.publicPaths());
        // The service's OpenAPI document (OpenApiAutoConfiguration), when it has one: clients are built from it.
        if (!apiDocsPath.isBlank()) {
            open.add(apiDocsPath);
        }
        RequestMatcher publicPaths = publicPaths(open);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(responder).accessDeniedHandler(responder))
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(ignoringTokensOn(publicPaths))
                        .authenticationEntryPoint(responder)
                        .accessDeniedHandler(responder)
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(PlatformAuthentication::of)))
                .addFilterAfter(new AgencyPathsFilter(properties.agencyPaths(), responder),
                        BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll();
                    requests.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(errorPath)).permitAll();
                    requests.requestMatchers(publicPaths).permitAll();
                    rules.orderedStream().forEach(rule -> rule.authorize(requests));
                    requests.anyRequest().authenticated();
                });
        return http.build();
    }

    private static RequestMatcher publicPaths(List<String> patterns) {
        if (patterns.isEmpty()) {
            return request -> false;
        }
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(patterns.stream().<RequestMatcher>map(paths::matcher).toList());
    }

    private static BearerTokenResolver ignoringTokensOn(RequestMatcher publicPaths) {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        return request -> publicPaths.matches(request) ? null : header.resolve(request);
    }
}
