package ru.frmr.notification.support.web;

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

import ru.frmr.contracts.ProblemTypes;
import ru.frmr.kit.web.FieldError;
import ru.frmr.kit.web.Problems;

/** A public filing over its limit: 429 problem with {@code Retry-After}. */
@RestControllerAdvice(assignableTypes = PublicSupportController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SupportProblemAdvice {

    private final Problems problems;

    SupportProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(TooManyFilingsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyFilingsException e, HttpServletRequest request) {
        List<FieldError> errors = e.field() == null ? List.of() : List.of(new FieldError(e.field(), e.getMessage()));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problems.of(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS, "Too many requests",
                        e.getMessage(), request.getRequestURI(), errors));
    }
}
