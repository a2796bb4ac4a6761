package ru.frmr.auth.agency;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import ru.frmr.contracts.auth.AgencyKind;

/** The agency's domain events. None carries a password: the broker keeps only its salted SCRAM verifier. */
public final class AgencyEvents {

    private AgencyEvents() {
    }

    /** @param regionCode the subject of the federation of a regional health authority, else null */
    @Revision("1")
    public record AgencyOnboardedEvent(String agencyId, String name, AgencyKind kind, String regionCode,
                                       String kafkaUsername, Instant at) {
    }

    /** The SCRAM user got a new password (the first one at onboarding) and its ACLs were (re)written. */
    @Revision("1")
    public record AgencyKafkaCredentialsIssuedEvent(String agencyId, String kafkaUsername, Instant at) {
    }

    /** The SCRAM user and its ACLs were deleted. */
    @Revision("1")
    public record AgencyRevokedEvent(String agencyId, Instant at) {
    }
}
