package ru.frmr.notification.support.web;

/** A public filing over its rate limit (429 with Retry-After). */
class TooManyFilingsException extends RuntimeException {

    private final String field;
    private final long retryAfterSeconds;

    /** @param field {@code email} when the e-mail's limit is spent; null for the client address's */
    TooManyFilingsException(String field, long retryAfterSeconds) {
        super(field == null ? "Too many requests from this address: try again later."
                : "Too many requests for this e-mail address: try again later.");
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    String field() {
        return field;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
