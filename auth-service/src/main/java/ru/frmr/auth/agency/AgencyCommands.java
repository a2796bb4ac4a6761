package ru.frmr.auth.agency;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import ru.frmr.contracts.auth.AgencyKind;

/** The agency's commands. They carry the password on its way to the broker; commands are never stored. */
final class AgencyCommands {

    private AgencyCommands() {
    }

    record OnboardAgencyCommand(@TargetAggregateIdentifier String agencyId, String name, AgencyKind kind,
                                String regionCode, KafkaPassword password, Instant at) {
    }

    record IssueKafkaCredentialsCommand(@TargetAggregateIdentifier String agencyId, KafkaPassword password,
                                        Instant at) {
    }

    record RevokeAgencyCommand(@TargetAggregateIdentifier String agencyId, Instant at) {
    }
}
