package ru.frmr.kit.security;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import ru.frmr.contracts.ProblemTypes;
import ru.frmr.kit.web.Problems;

/**
 * Answers 401 and 403 from the security filters as problem+json, built by the same {@link Problems} as
 * every other error, so a client sees one error shape whether a controller or a filter said no. Why a
 * token failed (expired, bad signature, wrong issuer) goes to the debug log only: telling the caller would
 * help someone probing for a token that passes.
 */
public class SecurityProblemResponder implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(SecurityProblemResponder.class);

    private final Problems problems;
    private final ObjectMapper json;

    public SecurityProblemResponder(Problems problems, ObjectMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String challenge = "Bearer";
        String detail = "This request needs a valid bearer token.";
        if (failure instanceof OAuth2AuthenticationException oauth) {
            // RFC 6750: name the error code (invalid_token, invalid_request), never the reason.
            challenge = "Bearer error=\"" + oauth.getError().getErrorCode() + "\"";
            detail = "The bearer token is invalid or has expired.";
            log.debug("Rejected a bearer token on {} {}: {}", request.getMethod(), request.getRequestURI(),
                    failure.getMessage());
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        write(response, request, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(response, request, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                "Your roles do not allow this request.");
    }

    private void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, URI type,
                       String title, String detail) throws IOException {
        ProblemDetail problem = problems.of(status, type, title, detail, request.getRequestURI(), List.of());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
