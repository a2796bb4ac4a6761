package ru.frmr.audit.ledger;

/**
 * A stored ledger document that cannot be read as an entry (a field missing or of the wrong type).
 * The application never writes such a document, so it means the store was edited behind its back.
 */
public class MalformedEntryException extends RuntimeException {

    private final Long sequence;

    MalformedEntryException(Long sequence, String field) {
        super("Ledger entry " + sequence + " has an unreadable field '" + field + "'");
        this.sequence = sequence;
    }

    /** The entry's sequence when that field itself was readable, else {@code null}. */
    public Long sequence() {
        return sequence;
    }
}
