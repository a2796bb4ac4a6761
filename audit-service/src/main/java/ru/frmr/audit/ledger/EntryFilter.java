package ru.frmr.audit.ledger;

import java.time.Instant;

/**
 * Which entries a query returns; a {@code null} criterion does not filter.
 *
 * @param from event time, inclusive
 * @param to   event time, exclusive
 */
public record EntryFilter(String subject, String type, Instant from, Instant to) {
}
