package ru.frmr.documents.upload.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import ru.frmr.contracts.ProblemTypes;
import ru.frmr.documents.upload.UploadRejectedException;
import ru.frmr.documents.upload.UploadRejection;
import ru.frmr.kit.web.FieldError;
import ru.frmr.kit.web.Problems;

/**
 * An upload refused by its rules: one problem type per reason, naming the field {@code file}, never the file's name.
 * A part past the container's limit (somewhat above 5 MiB) is the same "too large" as one the rules refuse; a body
 * that does not parse as a multipart form at all (here or at the public check of a PDF) is a 400 naming the file.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadProblemAdvice {

    private final Problems problems;

    UploadProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(UploadRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(UploadRejectedException e, HttpServletRequest request) {
        return rejection(e.reason(), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return rejection(UploadRejection.TOO_LARGE, request);
    }

    /** A body that claims to be a multipart form and does not parse as one: the client's fault, not ours. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadable(MultipartException e, HttpServletRequest request) {
        String detail = "The body is not a readable multipart/form-data form with a file part.";
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request", detail,
                        request.getRequestURI(), List.of(new FieldError("file", detail))));
    }

    @ExceptionHandler(DocumentGoneException.class)
    ResponseEntity<ProblemDetail> gone(DocumentGoneException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.GONE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.of(HttpStatus.GONE, ProblemTypes.GONE, "Gone", e.getMessage(),
                        request.getRequestURI(), List.of()));
    }

    private ResponseEntity<ProblemDetail> rejection(UploadRejection reason, HttpServletRequest request) {
        return ResponseEntity.status(reason.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.of(reason.status(), reason.type(), "Upload refused", reason.message(),
                        request.getRequestURI(), List.of(new FieldError("file", reason.message()))));
    }
}
