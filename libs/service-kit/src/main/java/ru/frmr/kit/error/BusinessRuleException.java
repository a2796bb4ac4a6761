package ru.frmr.kit.error;

/**
 * A well-formed request that breaks a domain rule (422). Thrown by aggregates; no web dependency.
 * The message must not carry personal data.
 */
public class BusinessRuleException extends RuntimeException {

    private final String field;

    public BusinessRuleException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field the rule is about, or {@code null}. */
    public String field() {
        return field;
    }
}
