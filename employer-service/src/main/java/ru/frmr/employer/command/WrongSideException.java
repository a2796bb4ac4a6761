package ru.frmr.employer.command;

/**
 * A link request answered by the side that started it (403: the request is fine, this caller may not answer it).
 * The message carries no personal data.
 */
public class WrongSideException extends RuntimeException {

    private final String field;

    public WrongSideException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
