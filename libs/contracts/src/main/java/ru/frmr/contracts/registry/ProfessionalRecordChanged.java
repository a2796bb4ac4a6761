package ru.frmr.contracts.registry;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: an administrator approved a change of a worker's professional record; carries the entry itself
 * so that services which issue documents about the record (справки) keep their own copy without calling the
 * registry. Document numbers make it more than the public register shows, so it never leaves
 * {@code frmr.registry.events}.
 *
 * @param change         ADDED, UPDATED or REMOVED
 * @param entry          the entry as it now stands; null when REMOVED
 * @param profileVersion the profile's version after this change: apply an event only when it is above the one held
 */
public record ProfessionalRecordChanged(String workerId, String change, String section, String entryId,
                                        ProfessionalEntry entry, long profileVersion, Instant changedAt)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return workerId;
    }
}
