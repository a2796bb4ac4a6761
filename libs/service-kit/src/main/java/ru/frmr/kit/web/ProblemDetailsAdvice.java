package ru.frmr.kit.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import ru.frmr.contracts.ProblemTypes;
import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.kit.error.ConflictException;
import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.kit.error.NotFoundException;

/**
 * Turns every error of a servlet service into RFC 9457 problem details that name the offending
 * field and never echo the submitted value (it may be personal data).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final Problems problems;

    public ProblemDetailsAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return respond(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", e.getMessage(), request, List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
        return respond(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", e.getMessage(), request,
                fieldErrors(e.field(), e.getMessage()));
    }

    @ExceptionHandler(BusinessRuleException.class)
    ResponseEntity<ProblemDetail> businessRule(BusinessRuleException e, HttpServletRequest request) {
        return respond(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.BUSINESS_RULE, "Business rule violated",
                e.getMessage(), request, fieldErrors(e.field(), e.getMessage()));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException e, HttpServletRequest request) {
        List<FieldError> errors = List.of(new FieldError(e.parameter(), e.getMessage()));
        return respond(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request", summary(errors),
                request, errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return respond(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request", summary(errors),
                request, errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        List<FieldError> errors = List.of(new FieldError(e.getName(), "has the wrong format"));
        return respond(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request", summary(errors),
                request, errors);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        // The message of an unexpected exception may contain anything; log the type and stack only.
        log.error("Unhandled {} on {} {}", e.getClass().getName(), request.getMethod(), request.getRequestURI(),
                scrubbed(e));
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
                "The request could not be completed. Quote the traceId when reporting it.", request, List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(
                fe -> errors.add(new FieldError(fe.getField(), fe.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(
                ge -> errors.add(new FieldError(ge.getObjectName(), ge.getDefaultMessage())));
        errors.sort(Comparator.comparing(FieldError::field));
        return asObject(respond(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                summary(errors), path(request), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors bodyErrors) {
                // A validated request body: name its fields, not the Java parameter.
                bodyErrors.getFieldErrors().forEach(
                        fe -> errors.add(new FieldError(fe.getField(), fe.getDefaultMessage())));
                continue;
            }
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(err -> errors.add(new FieldError(name, err.getDefaultMessage())));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return asObject(respond(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                summary(errors), path(request), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof JsonParseException || !(cause instanceof JsonMappingException mapping)) {
            return asObject(respond(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                    "The request body is missing or is not valid JSON.", path(request), List.of()));
        }
        String field = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message = cause instanceof UnrecognizedPropertyException ? "is not a known field"
                : "has the wrong type or format";
        List<FieldError> errors = field.isEmpty() ? List.of() : List.of(new FieldError(field, message));
        return asObject(respond(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                errors.isEmpty() ? "The request body does not have the expected shape." : summary(errors),
                path(request), errors));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        // Every other Spring MVC exception (404 route, 405, 415, ...): keep Spring's status and wording,
        // but give it our stable type and the trace id.
        String detail = body instanceof ProblemDetail pd ? pd.getDetail()
                : ex instanceof ErrorResponse er ? er.getBody().getDetail() : null;
        String title = HttpStatus.resolve(statusCode.value()) != null
                ? HttpStatus.resolve(statusCode.value()).getReasonPhrase() : "Error";
        ProblemDetail problem = problems.of(statusCode, ProblemTypes.forStatus(statusCode.value()), title, detail,
                path(request), List.of());
        HttpHeaders out = new HttpHeaders();
        out.addAll(headers);
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, out, statusCode);
    }

    private ResponseEntity<ProblemDetail> respond(HttpStatus status, java.net.URI type, String title, String detail,
                                                  HttpServletRequest request, List<FieldError> errors) {
        return respond(status, type, title, detail, request.getRequestURI(), errors);
    }

    private ResponseEntity<ProblemDetail> respond(HttpStatus status, java.net.URI type, String title, String detail,
                                                  String path, List<FieldError> errors) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.of(status, type, title, detail, path, errors));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }

    private static List<FieldError> fieldErrors(String field, String message) {
        return field == null ? List.of() : List.of(new FieldError(field, message));
    }

    private static String summary(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static String path(WebRequest request) {
        return request instanceof NativeWebRequest nwr
                && nwr.getNativeRequest() instanceof HttpServletRequest http ? http.getRequestURI() : null;
    }

    /** A stand-in carrying only the type and stack of {@code e}, so its message (and PII) stays out of logs. */
    static Throwable scrubbed(Throwable e) {
        Throwable copy = new Throwable(e.getClass().getName());
        copy.setStackTrace(e.getStackTrace());
        if (e.getCause() != null && e.getCause() != e) {
            copy.initCause(scrubbed(e.getCause()));
        }
        return copy;
    }
}
