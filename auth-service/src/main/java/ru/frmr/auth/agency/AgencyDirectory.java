package ru.frmr.auth.agency;

import java.util.List;
import java.util.Optional;

import ru.frmr.contracts.auth.AgencyKind;

/**
 * Who an agency is, for the parts of auth-service that put agencies into tokens (machine clients, supervisors'
 * claims). Read from the agencies' read model: an agency onboarded a moment ago may take a moment to appear.
 */
public interface AgencyDirectory {

    Optional<Entry> find(String agencyId);

    /** The agency as the administrators' pages show it. */
    Optional<AgencyState> state(String agencyId);

    /** Every agency, the oldest first, with what the administrators' list shows. */
    List<AgencyState> all();

    /** @param regionCode only for {@link AgencyKind#REGIONAL_HEALTH_AUTHORITY}, else null */
    record Entry(String agencyId, String name, AgencyKind kind, String regionCode, AgencyStatus status) {

        public boolean active() {
            return status == AgencyStatus.ACTIVE;
        }
    }
}
