package ru.frmr.portal.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

import ru.frmr.portal.login.TokenSeal;

/**
 * Who may open which page, and the browser hardening of every page. The person signs in through auth-service
 * (the login controllers put them into the security context); a page that needs a signed-in person sends the
 * browser to {@code /login} and, once signed in, back to that page. Forms carry CSRF tokens (Thymeleaf adds the
 * hidden field; htmx sends it as a header). No script or style comes from anywhere but the portal itself, and
 * none is inline.
 */
@Configuration(proxyBeanMethods = false)
public class PortalSecurityConfiguration {

    /** Pages for everybody: the start page with the public register, the login steps, the portal's files. */
    static final String[] PUBLIC = {"/", "/search", "/register/**", "/login", "/login/**", "/logout/done",
            "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error", "/error/**"};

    /**
     * Probes and metrics: served on the management port only (loopback locally, the pod's address in a
     * deployment), never routed by the gateway; no session, no login.
     */
    @Bean
    @Order(1)
    SecurityFilterChain operations(HttpSecurity http) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(endpoints -> endpoints.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain portalSecurity(HttpSecurity http, PortalProperties properties) throws Exception {
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        // Only pages are worth coming back to after login: not files, not htmx fragments.
        requestCache.setRequestMatcher(request -> "GET".equals(request.getMethod())
                && request.getHeader("HX-Request") == null);
        return http
                .authorizeHttpRequests(pages -> pages
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/profile/**", "/journal/**").hasRole("WORKER")
                        .requestMatchers("/admin/**").hasRole("REGISTRY_ADMIN")
                        .requestMatchers("/supervision/**").hasAnyRole("SUPERVISOR", "REGISTRY_ADMIN")
                        .requestMatchers("/audit/**").hasRole("AUDITOR")
                        .anyRequest().authenticated())
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(errors -> errors
                        // Relative: behind the gateway the portal does not know the browser's host.
                        .authenticationEntryPoint((request, response, e) -> {
                            if (request.getHeader("HX-Request") != null) {
                                // An htmx fragment: the whole page goes to the login, not just the fragment.
                                response.setHeader("HX-Redirect", "/login");
                            } else {
                                response.sendRedirect("/login");
                            }
                        })
                        .accessDeniedPage("/error/403"))
                // The login steps and logout are the portal's own controllers (they talk to auth-service).
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
                                + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .build();
    }

    @Bean
    TokenSeal tokenSeal(PortalProperties properties) {
        return new TokenSeal(properties.tokenKey());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
