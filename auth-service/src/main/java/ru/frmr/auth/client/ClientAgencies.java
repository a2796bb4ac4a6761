package ru.frmr.auth.client;

import java.util.Optional;

/**
 * What machine clients need to know of the agency they belong to: the port through which the client side reads
 * the agency registry (the agencies' own directory binds it), so that a client of an unknown or revoked agency is
 * neither registered nor given a token.
 */
public interface ClientAgencies {

    Optional<AgencyView> find(String agencyId);

    /**
     * @param kind       {@code MINZDRAV}, {@code ROSZDRAVNADZOR} or {@code REGIONAL_HEALTH_AUTHORITY}
     * @param regionCode the subject of the federation ({@code 01}..{@code 99}) of a regional authority, else null
     * @param active     false once the agency is revoked
     */
    record AgencyView(String agencyId, String name, String kind, String regionCode, boolean active) {
    }
}
