package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * Domain event: the person's data key was shredded, so the personal data in this account's earlier events and
 * read models can no longer be opened. Ids only.
 *
 * @param erasureId the id of the registry's {@code PersonalDataErased} message that ordered it
 */
@Revision("1")
public record AccountPersonalDataErasedEvent(String accountId, String erasureId, Instant at) {
}
