package ru.frmr.auth.agency;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.frmr.contracts.auth.AgencyKind;

/**
 * The agencies' read model. {@code version} is the sequence number of the last event applied, so a replayed
 * event changes nothing.
 */
@Document("agency_view")
record AgencyView(@Id String id, String name, AgencyKind kind, String regionCode, AgencyStatus status,
                  Instant onboardedAt, Instant revokedAt, Instant credentialsIssuedAt, String kafkaUsername,
                  Long version) {

    AgencyState state() {
        return new AgencyState(id, name, kind, regionCode, status, onboardedAt, revokedAt, kafkaUsername);
    }
}
