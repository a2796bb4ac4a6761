package ru.frmr.portal.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The one cookie the browser holds: the portal's session. HttpOnly, SameSite=Lax (the return from ESIA is a
 * top-level navigation from another site and must carry it), path {@code /}; wherever TLS is on
 * ({@code frmr.portal.secure-cookies}) also {@code Secure} and named {@code __Host-frmr_portal}, which binds it to
 * this exact origin.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfiguration {

    @Bean
    CookieSerializer sessionCookie(PortalProperties properties) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(properties.cookieName());
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setCookiePath("/");
        cookie.setUseSecureCookie(properties.secureCookies());
        return cookie;
    }
}
