package ru.frmr.portal.api;

import java.util.Map;

/**
 * An answer of the platform's API that is not a success: its status and the problem+json it carried. Forms show
 * {@link #fieldErrors()} next to their fields; the error pages show the rest.
 *
 * @param retryAfterSeconds from {@code Retry-After} on a 429, else null
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String detail;
    private final Map<String, String> fieldErrors;
    private final Long retryAfterSeconds;

    public ApiProblem(int status, String type, String detail, Map<String, String> fieldErrors, Long retryAfterSeconds) {
        super("platform answered " + status + (type == null ? "" : " " + type));
        this.status = status;
        this.type = type;
        this.detail = detail;
        this.fieldErrors = Map.copyOf(fieldErrors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    /** The problem type's last segment ({@code validation}, {@code step-up-required}, …), or null. */
    public String type() {
        return type;
    }

    public String detail() {
        return detail;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public boolean is(String problemType) {
        return problemType.equals(type);
    }

    public boolean clientError() {
        return status >= 400 && status < 500;
    }

}
