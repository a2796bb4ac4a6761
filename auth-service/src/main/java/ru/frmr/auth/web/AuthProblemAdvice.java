package ru.frmr.auth.web;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import ru.frmr.auth.error.AuthException;
import ru.frmr.auth.identity.IdentityProviderException;
import ru.frmr.contracts.ProblemTypes;
import ru.frmr.kit.web.Problems;

/**
 * auth-service's own refusals as problem details, built by the kit's {@link Problems} like every other
 * error. Types are {@code https://frmr.ru/problems/{kind}}; the platform-wide ones ({@code unauthorized},
 * {@code forbidden}, {@code validation}, ...) come from {@link ProblemTypes}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AuthProblemAdvice {

    private static final String BASE = "https://frmr.ru/problems/";

    private final Problems problems;

    AuthProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(AuthException.class)
    ResponseEntity<ProblemDetail> auth(AuthException e, HttpServletRequest request) {
        ProblemDetail problem = problems.of(e.status(), type(e.kind()), e.status().getReasonPhrase(), e.getMessage(),
                request.getRequestURI(), List.of());
        e.properties().forEach(problem::setProperty);
        return respond(e.status(), problem);
    }

    @ExceptionHandler(IdentityProviderException.class)
    ResponseEntity<ProblemDetail> identityProvider(IdentityProviderException e, HttpServletRequest request) {
        ProblemDetail problem = problems.of(e.status(), type(e.kind()), e.status().getReasonPhrase(), e.getMessage(),
                request.getRequestURI(), List.of());
        if (e.providerCode() != null) {
            problem.setProperty("providerCode", e.providerCode());
        }
        return respond(e.status(), problem);
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatus status, ProblemDetail problem) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.body(problem);
    }

    private static URI type(String kind) {
        return URI.create(BASE + kind);
    }
}
