package ru.frmr.audit.ledger;

/** {@link LedgerMother}'s events for the tests of the ledger's subpackages. */
public final class LedgerTestEvents {

    private LedgerTestEvents() {
    }

    public static AuditedEvent event(int n) {
        return LedgerMother.event(n);
    }
}
