package ru.frmr.registry.api;

import org.axonframework.serialization.Revision;

/**
 * Domain event: a login account belongs to this worker. The relay tells auth-service (internal
 * {@code WorkerAccountLinked}), which is how it learns the worker's registry number for its tokens.
 */
@Revision("1")
public record WorkerAccountLinkedEvent(String workerId, String accountId) {
}
