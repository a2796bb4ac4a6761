package ru.frmr.auth.login;

import java.util.Optional;

/**
 * What the supervisor claims need of the agency registry: an active agency's kind and region. The agency registry
 * (auth-service {@code agency/}) answers it: AuthConfiguration binds it to the AgencyDirectory.
 */
@FunctionalInterface
public interface AgencyLookup {

    /** Empty when unknown or revoked. */
    Optional<Agency> find(String agencyId);

    /** @param regionCode two digits, only for {@code REGIONAL_HEALTH_AUTHORITY} */
    record Agency(String agencyId, String kind, String regionCode) {
    }
}
