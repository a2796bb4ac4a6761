package ru.frmr.contracts.employer;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: the chief of a medical organisation gave a login account the HR right there. auth-service makes the
 * account's person EMPLOYER_HR of the organisation while ESIA lists them as its member.
 *
 * @param accountId auth-service's id of the login account (no name: the chief picked it from auth's member list)
 * @param version   the organisation's count of HR-right changes; orders grants and revocations of one organisation
 */
public record HrRightGranted(String organizationId, String accountId, long version, Instant at)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return organizationId;
    }
}
