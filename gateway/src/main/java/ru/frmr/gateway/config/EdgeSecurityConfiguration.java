package ru.frmr.gateway.config;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import ru.frmr.gateway.edge.SecurityHeadersFilter;
import ru.frmr.gateway.ratelimit.AccountBudgetFilter;
import ru.frmr.gateway.ratelimit.AddressBudgetFilter;
import ru.frmr.gateway.ratelimit.Budgets;
import ru.frmr.gateway.ratelimit.ClientAddresses;
import ru.frmr.gateway.security.PlatformTokens;
import ru.frmr.gateway.security.PublicPathBearerConverter;
import ru.frmr.gateway.security.SecurityRejections;
import ru.frmr.gateway.security.VerifiedTokenCache;

/**
 * The gateway checks every platform access token before a request is routed, so a bad one never reaches
 * a service (which checks it again). Stateless: no session, no CSRF (nothing rides on cookies here), no
 * security headers of Spring's own ({@link SecurityHeadersFilter} owns them). The per-address budgets come
 * before the token check, the role rules and the per-account budget after it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class EdgeSecurityConfiguration {

    @Bean
    ReactiveJwtDecoder jwtDecoder(EdgeProperties edge, EdgeSecurityProperties security,
                                  ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        return new VerifiedTokenCache(PlatformTokens.decoder(edge.jwksUri(), security, time), time,
                security.clockSkew());
    }

    @Bean
    Budgets budgets(RateLimitProperties limits, MeterRegistry meters) {
        return new Budgets(limits, meters);
    }

    /**
     * The public paths in a chain of their own, ahead of the other: only the per-address budgets, none of the
     * token and role machinery, which could only pass them (a token on a public path is not looked at, and no
     * role rule names a public path). Spared, that machinery was a good part of a public request's cost.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain publicPathsFilterChain(ServerHttpSecurity http, EdgeSecurityProperties properties,
                                                  RateLimitProperties limits, ClientAddressProperties clients,
                                                  Budgets budgets) {
        // Not a bean: WebFlux would also put every WebFilter bean in the main chain, counting requests twice.
        AddressBudgetFilter addressBudgets = new AddressBudgetFilter(limits,
                new ClientAddresses(clients.trustedProxies()), budgets);
        return stateless(http.securityMatcher(publicPaths(properties.publicPaths())))
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .addFilterBefore(addressBudgets, SecurityWebFiltersOrder.AUTHENTICATION)
                .build();
    }

    @Bean
    SecurityWebFilterChain edgeSecurityFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                                   EdgeSecurityProperties properties, RateLimitProperties limits,
                                                   ClientAddressProperties clients, Budgets budgets) {
        SecurityRejections rejections = new SecurityRejections();
        // Not beans: WebFlux would also put every WebFilter bean in the main chain, counting requests twice.
        AddressBudgetFilter addressBudgets = new AddressBudgetFilter(limits,
                new ClientAddresses(clients.trustedProxies()), budgets);
        AccountBudgetFilter accountBudgets = new AccountBudgetFilter(budgets, limits.personLookupPaths());
        ServerWebExchangeMatcher publicPaths = publicPaths(properties.publicPaths());
        return stateless(http)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(rejections)
                        .accessDeniedHandler(rejections))
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(new PublicPathBearerConverter(publicPaths))
                        .authenticationEntryPoint(rejections)
                        .accessDeniedHandler(rejections)
                        .jwt(jwt -> jwt
                                .jwtDecoder(decoder)
                                .jwtAuthenticationConverter(PlatformTokens.authentication())))
                .authorizeExchange(exchanges -> authorize(exchanges, publicPaths, properties.roleRules()))
                // Before the token check, so that a request with a bad token costs its sender too.
                .addFilterBefore(addressBudgets, SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAfter(accountBudgets, SecurityWebFiltersOrder.AUTHENTICATION)
                .build();
    }

    private static void authorize(AuthorizeExchangeSpec exchanges, ServerWebExchangeMatcher publicPaths,
                                  List<EdgeSecurityProperties.RoleRule> roleRules) {
        exchanges.matchers(publicPaths).permitAll();
        for (EdgeSecurityProperties.RoleRule rule : roleRules) {
            ServerWebExchangeMatcher matcher = rule.method() == null
                    ? ServerWebExchangeMatchers.pathMatchers(rule.path())
                    : ServerWebExchangeMatchers.pathMatchers(rule.method(), rule.path());
            exchanges.matchers(matcher).hasAnyRole(rule.roles().toArray(String[]::new));
        }
        exchanges.pathMatchers("/api/**").authenticated();
        // Probes, metrics and the portal's files; unknown paths then get the router's 404.
        exchanges.anyExchange().permitAll();
    }

    private static ServerWebExchangeMatcher publicPaths(List<String> patterns) {
        return patterns.isEmpty() ? exchange -> ServerWebExchangeMatcher.MatchResult.notMatch()
                : ServerWebExchangeMatchers.pathMatchers(patterns.toArray(String[]::new));
    }

    /** What both chains leave out: the gateway keeps no session, serves no pages and sets headers elsewhere. */
    private static ServerHttpSecurity stateless(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
    }
}
