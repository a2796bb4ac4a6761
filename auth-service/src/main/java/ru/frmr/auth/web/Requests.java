package ru.frmr.auth.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/** Facts about the calling device, as recorded for its session. */
final class Requests {

    private Requests() {
    }

    static String userAgent(HttpServletRequest request) {
        String ua = request.getHeader(HttpHeaders.USER_AGENT);
        return ua == null ? "" : ua.strip();
    }

    /** The client's address; behind the gateway Tomcat takes it from X-Forwarded-For of trusted proxies only. */
    static String ip(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
