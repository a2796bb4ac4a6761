package ru.frmr.portal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer;

class SessionCookieConfigurationTest {

    @Test
    void withTlsTheCookieIsSecureAndBoundToTheOrigin() {
        String cookie = write(true);

        assertThat(cookie).startsWith("__Host-frmr_portal=").contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/")
                .doesNotContain("Domain=");
    }

    @Test
    void withoutTlsItIsStillHttpOnlyButNeitherSecureNorPrefixed() {
        String cookie = write(false);

        assertThat(cookie).startsWith("frmr_portal=").contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
    }

    private static String write(boolean tls) {
        PortalProperties properties = new PortalProperties(URI.create("http://gateway"), "key", tls, "esia",
                Duration.ofSeconds(60), Duration.ofSeconds(15), Duration.ofMinutes(10));
        CookieSerializer serializer = new SessionCookieConfiguration().sessionCookie(properties);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSecure(tls);
        MockHttpServletResponse response = new MockHttpServletResponse();
        serializer.writeCookieValue(new CookieSerializer.CookieValue(request, response, "session-id"));
        return response.getHeader("Set-Cookie");
    }
}
