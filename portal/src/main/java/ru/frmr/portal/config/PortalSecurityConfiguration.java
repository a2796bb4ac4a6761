package ru.frmr.portal.config;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
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

    /**
     * Pages for everybody: the start page with the public register, the verification of a справка (where its QR
     * code leads), the login steps, a support request from someone who cannot log in, the portal's files.
     */
    static final String[] PUBLIC = {"/", "/search", "/register/**", "/verify", "/verify/**", "/login", "/login/**",
            "/logout/done", "/support/public/**",
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
                        .requestMatchers("/profile/**", "/journal/**", "/employment/**", "/certificates/**",
                                "/privacy/**")
                        .hasRole("WORKER")
                        .requestMatchers("/hr/**").hasRole("EMPLOYER_HR")
                        .requestMatchers("/admin/**").hasRole("REGISTRY_ADMIN")
                        // The escalated discrepancies are the supervisory agencies' queue only.
                        .requestMatchers("/supervision/discrepancies/**").hasRole("SUPERVISOR")
                        .requestMatchers("/supervision/**").hasAnyRole("SUPERVISOR", "REGISTRY_ADMIN")
                        .requestMatchers("/audit/**").hasRole("AUDITOR")
                        .requestMatchers("/support/queue/**").hasRole("SUPPORT")
                        .anyRequest().authenticated())
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(PortalSecurityConfiguration::toLogin)
                        .accessDeniedHandler(accessDenied()))
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

    /** Relative: behind the gateway the portal does not know the browser's host. */
    private static void toLogin(HttpServletRequest request, HttpServletResponse response, Exception reason)
            throws IOException {
        if (request.getHeader("HX-Request") != null) {
            // An htmx fragment: the whole page goes to the login, not just the fragment.
            response.setHeader("HX-Redirect", "/login");
        } else {
            response.sendRedirect("/login");
        }
    }

    /**
     * The portal's 403 page, except for a form sent after its session ended: the CSRF token lived in that session,
     * so the form is refused before anyone asks who sent it. That is a lapsed login, not a forbidden page: the
     * person goes through the login (an htmx request gets {@code HX-Redirect}). "Missing" means no token was kept
     * for this browser, and every page of the portal keeps one (the layout hands it to htmx); a token that does not
     * match the kept one is still the 403.
     */
    private static AccessDeniedHandler accessDenied() {
        AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();
        page.setErrorPage("/error/403");
        return (request, response, denied) -> {
            if (denied instanceof MissingCsrfTokenException && "/logout".equals(request.getServletPath())) {
                // «Выйти» on a page left open past its session: there is nothing left to end here.
                response.sendRedirect("/logout/done");
            } else if (denied instanceof MissingCsrfTokenException) {
                toLogin(request, response, denied);
            } else {
                page.handle(request, response, denied);
            }
        };
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
