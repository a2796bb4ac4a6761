package ru.frmr.registry.query;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The login account of a worker and its status as auth-service last reported it.
 *
 * @param status {@code ACTIVE}, {@code BLOCKED} or {@code NEEDS_CONFIRMATION}; null until auth-service reports one
 * @param at     when auth-service changed the status; orders late deliveries
 * @param expectsRecord true for a medical worker's account, whose record will be linked to it
 */
@Document(AccountStatusView.COLLECTION)
public record AccountStatusView(@Id String accountId, String workerId, String status, Instant at,
                                Boolean expectsRecord) {

    public static final String COLLECTION = "account_statuses";
}
