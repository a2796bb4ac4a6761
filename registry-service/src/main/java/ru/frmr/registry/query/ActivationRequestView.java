package ru.frmr.registry.query;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person's request that an administrator activate their login account, as auth-service announced it.
 *
 * @param id          the id of the {@code ActivationRequested} event: one line per request, however often delivered
 * @param status      {@code OPEN} until the account's status changes, then {@code RESOLVED}
 * @param resolution  the account's status that resolved it ({@code ACTIVE} or {@code BLOCKED}); null while open
 * @param resolvedAt  when auth-service changed the account's status; null while open
 */
@Document(ActivationRequestView.COLLECTION)
public record ActivationRequestView(@Id String id, String accountId, Instant requestedAt, String status,
                                    String resolution, Instant resolvedAt) {

    public static final String COLLECTION = "activation_requests";
    public static final String OPEN = "OPEN";
    public static final String RESOLVED = "RESOLVED";
}
