package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * Domain event: the registry linked this account to the worker's record ({@code WorkerAccountLinked}); from now on
 * the account's tokens carry the registry number as {@code worker_id}.
 */
@Revision("1")
public record AccountWorkerLinkedEvent(String accountId, String workerId, Instant at) {
}
