package ru.frmr.audit.ledger;

/** Why a ledger chain is not intact, checked in this order for each entry. */
public enum ChainBreak {
    /** An entry is missing (or stands where another belongs): its sequence is not the one expected next. */
    SEQUENCE_GAP("sequence gap"),
    /** An entry's fields no longer give its stored hash: it was altered after it was written. */
    HASH_MISMATCH("hash mismatch"),
    /** An entry is self-consistent but does not point at the hash of the entry before it. */
    BROKEN_LINK("broken link");

    private final String label;

    ChainBreak(String label) {
        this.label = label;
    }

    /** The wording the API answers with. */
    public String label() {
        return label;
    }
}
