package ru.frmr.contracts.employer;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/** Internal: the chief took the HR right back; fields as in {@link HrRightGranted}. */
public record HrRightRevoked(String organizationId, String accountId, long version, Instant at)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return organizationId;
    }
}
