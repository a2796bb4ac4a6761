package ru.frmr.employer.web;

import java.time.Instant;
import java.util.List;

/** Who holds the HR right in an organisation, and every grant and revocation made there; account ids only. */
record HrRightsResponse(List<Grant> grants, List<Change> history) {

    record Grant(String accountId, Instant grantedAt, String grantedBy) {
    }

    /** @param action GRANTED or REVOKED */
    record Change(String accountId, String action, Instant at, String by) {
    }
}
