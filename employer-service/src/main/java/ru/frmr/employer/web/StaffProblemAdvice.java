package ru.frmr.employer.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import ru.frmr.contracts.ProblemTypes;
import ru.frmr.employer.command.WrongSideException;
import ru.frmr.kit.web.FieldError;
import ru.frmr.kit.web.Problems;

/**
 * 403s of linking and employment; everything else is the kit's {@code ProblemDetailsAdvice}. Only in a web
 * application, where the kit provides {@link Problems}.
 */
@RestControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffProblemAdvice {

    private final Problems problems;

    StaffProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(WrongSideException.class)
    ResponseEntity<ProblemDetail> wrongSide(WrongSideException e, HttpServletRequest request) {
        return forbidden(e.field(), e.getMessage(), request);
    }

    @ExceptionHandler(CallerForbiddenException.class)
    ResponseEntity<ProblemDetail> callerForbidden(CallerForbiddenException e, HttpServletRequest request) {
        return forbidden(e.field(), e.getMessage(), request);
    }

    private ResponseEntity<ProblemDetail> forbidden(String field, String message, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", message,
                        request.getRequestURI(), List.of(new FieldError(field, message))));
    }
}
