package ru.frmr.audit.alerts;

import java.time.Instant;

import ru.frmr.contracts.audit.AlertRule;

/**
 * One event as a rule counts it.
 *
 * @param subject     whom the rule counts for (an account, an actor, a hashed address)
 * @param distinctKey what is counted once however often it arrives: the event id, or the person read
 * @param at          when it happened (the event's own time, so a redelivery lands in the same window)
 */
record Observation(AlertRule rule, String subject, String distinctKey, Instant at) {
}
