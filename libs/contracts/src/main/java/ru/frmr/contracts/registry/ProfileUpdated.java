package ru.frmr.contracts.registry;

import java.time.Instant;
import java.util.List;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Public contract: a worker's profile changed. Names what changed, never the values, so subscribers
 * fetch what they are entitled to see.
 *
 * @param profileVersion increases with every change of the profile; lets subscribers drop stale updates
 */
public record ProfileUpdated(String workerId, List<ProfileSection> sections, long profileVersion,
                             Instant updatedAt) implements IntegrationEvent {

    public ProfileUpdated {
        sections = List.copyOf(sections);
    }

    @Override
    public String subject() {
        return workerId;
    }
}
