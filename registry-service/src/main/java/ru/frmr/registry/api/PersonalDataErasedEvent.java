package ru.frmr.registry.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * Domain event: the worker's personal data key was destroyed; their sealed personal data are unreadable from
 * now on, in every event and read model. Carries no personal data itself.
 *
 * @param erasedBy the actor (e.g. {@code account:<id>}) who ordered it
 */
@Revision("1")
public record PersonalDataErasedEvent(String workerId, String reason, String erasedBy, Instant erasedAt) {
}
