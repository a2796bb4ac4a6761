package ru.frmr.auth.agency;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import ru.frmr.auth.agency.AgencyCommands.IssueKafkaCredentialsCommand;
import ru.frmr.auth.agency.AgencyCommands.OnboardAgencyCommand;
import ru.frmr.auth.agency.AgencyCommands.RevokeAgencyCommand;
import ru.frmr.contracts.auth.AgencyKind;

/**
 * Entry points of the agencies' command side. A password is made here, goes to the broker inside the command and
 * comes back only in the {@link KafkaAccess} of the answer.
 */
@Service
public class Agencies {

    private final CommandGateway commands;
    private final AgencyProperties properties;
    private final Clock clock;

    public Agencies(CommandGateway commands, AgencyProperties properties, Clock clock) {
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
    }

    public Onboarded onboard(String name, AgencyKind kind, String regionCode) {
        String agencyId = AgencyIds.newId();
        KafkaPassword password = KafkaPassword.random();
        Instant at = clock.instant();
        commands.sendAndWait(new OnboardAgencyCommand(agencyId, name, kind, regionCode, password, at));
        String username = AgencyIds.kafkaUsername(agencyId);
        AgencyState state = new AgencyState(agencyId, name.strip(), kind, regionCode, AgencyStatus.ACTIVE, at, null,
                username);
        return new Onboarded(state, access(username, password));
    }

    /** A new password for the agency's Kafka user; the old one stops working at once. */
    public KafkaAccess rotate(String agencyId) {
        KafkaPassword password = KafkaPassword.random();
        AgencyState state = commands.sendAndWait(new IssueKafkaCredentialsCommand(agencyId, password, clock.instant()));
        return access(state.kafkaUsername(), password);
    }

    /** Idempotent: revoking a revoked agency answers its state again. */
    public AgencyState revoke(String agencyId) {
        return commands.sendAndWait(new RevokeAgencyCommand(agencyId, clock.instant()));
    }

    private KafkaAccess access(String username, KafkaPassword password) {
        return new KafkaAccess(properties.kafka().subscriberBootstrapServers(),
                properties.kafka().securityProtocol().name(), "SCRAM-SHA-512", username, password.value(),
                KafkaSubscriberAccounts.TOPICS, AgencyIds.groupPrefix(username));
    }

    public record Onboarded(AgencyState agency, KafkaAccess kafka) {
    }

    /** What an agency's Kafka client needs; shown once. {@link #toString()} hides the password. */
    public record KafkaAccess(String bootstrapServers, String securityProtocol, String mechanism, String username,
                              String password, List<String> topics, String groupPrefix) {

        @Override
        public String toString() {
            return "KafkaAccess[" + bootstrapServers + ", " + username + ", password=***]";
        }
    }
}
