package ru.frmr.registry.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.http.HttpStatus;

/** A request the FHIR endpoints refuse; answered as an {@code OperationOutcome} with {@link #status}. */
final class FhirRequestException extends RuntimeException {

    private final HttpStatus status;
    private final IssueType issueType;
    /** The offending parameter (FHIRPath-like location in the issue's {@code expression}), or null. */
    private final String parameter;

    FhirRequestException(HttpStatus status, IssueType issueType, String parameter, String message) {
        super(message);
        this.status = status;
        this.issueType = issueType;
        this.parameter = parameter;
    }

    static FhirRequestException invalidParameter(String parameter, String message) {
        return new FhirRequestException(HttpStatus.BAD_REQUEST, IssueType.INVALID, parameter, message);
    }

    static FhirRequestException notFound(String message) {
        return new FhirRequestException(HttpStatus.NOT_FOUND, IssueType.NOTFOUND, null, message);
    }

    /** The resource was public and is no longer: FHIR's answer to reading a deleted resource. */
    static FhirRequestException gone(String message) {
        return new FhirRequestException(HttpStatus.GONE, IssueType.DELETED, null, message);
    }

    static FhirRequestException notSupported(HttpStatus status, String message) {
        return new FhirRequestException(status, IssueType.NOTSUPPORTED, null, message);
    }

    HttpStatus status() {
        return status;
    }

    IssueType issueType() {
        return issueType;
    }

    String parameter() {
        return parameter;
    }
}
