package ru.frmr.employer.web;

/** The caller may not do this, for a reason the path rules cannot see (403, naming the field). */
class CallerForbiddenException extends RuntimeException {

    private final String field;

    CallerForbiddenException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
