package ru.frmr.registry.web;

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
import ru.frmr.kit.web.FieldError;
import ru.frmr.kit.web.Problems;
import ru.frmr.registry.command.OwnRecordModerationException;

/**
 * The registry's own error kinds; everything else is the kit's {@code ProblemDetailsAdvice}. Only in a web
 * application, where the kit provides {@link Problems}.
 */
@RestControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistryProblemAdvice {

    private final Problems problems;

    RegistryProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    /** 403, not 422: the change is fine and another administrator may decide it; this caller may not. */
    @ExceptionHandler(OwnRecordModerationException.class)
    ResponseEntity<ProblemDetail> ownRecord(OwnRecordModerationException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", e.getMessage(),
                        request.getRequestURI(), List.of(new FieldError("changeId", e.getMessage()))));
    }

    @ExceptionHandler(StepUpRequiredException.class)
    ResponseEntity<ProblemDetail> stepUpRequired(StepUpRequiredException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.of(HttpStatus.FORBIDDEN, ProblemTypes.STEP_UP_REQUIRED, "Step-up required",
                        e.getMessage(), request.getRequestURI(), List.of()));
    }
}
