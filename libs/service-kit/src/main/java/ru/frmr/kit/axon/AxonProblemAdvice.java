package ru.frmr.kit.axon;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import ru.frmr.contracts.ProblemTypes;
import ru.frmr.kit.web.Problems;

/** Axon's own failures as problem details (Axon messages carry aggregate ids only, never payloads). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AxonProblemAdvice {

    private final Problems problems;

    public AxonProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e, HttpServletRequest request) {
        return respond(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                "No such record.", request);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrency(ConcurrencyException e, HttpServletRequest request) {
        return respond(HttpStatus.CONFLICT, ProblemTypes.CONCURRENT_MODIFICATION, "Concurrent modification",
                "The record was changed by another request at the same time; repeat the request.", request);
    }

    private ResponseEntity<ProblemDetail> respond(HttpStatus status, java.net.URI type, String title, String detail,
                                                  HttpServletRequest request) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.of(status, type, title, detail, request.getRequestURI(), List.of()));
    }
}
