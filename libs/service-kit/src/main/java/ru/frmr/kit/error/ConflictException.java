package ru.frmr.kit.error;

/**
 * The request clashes with what is stored (409), e.g. a duplicate registration.
 * The message must not carry personal data.
 */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field the conflict is about, or {@code null}. */
    public String field() {
        return field;
    }
}
