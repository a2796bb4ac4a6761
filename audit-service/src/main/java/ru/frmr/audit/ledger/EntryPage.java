package ru.frmr.audit.ledger;

import java.util.List;

/** One page of entries in sequence order, and how many entries match in all. */
public record EntryPage(List<LedgerEntry> items, long totalItems) {
}
