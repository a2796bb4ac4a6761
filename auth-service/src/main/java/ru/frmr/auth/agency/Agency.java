package ru.frmr.auth.agency;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import ru.frmr.auth.agency.AgencyCommands.IssueKafkaCredentialsCommand;
import ru.frmr.auth.agency.AgencyCommands.OnboardAgencyCommand;
import ru.frmr.auth.agency.AgencyCommands.RevokeAgencyCommand;
import ru.frmr.auth.agency.AgencyEvents.AgencyKafkaCredentialsIssuedEvent;
import ru.frmr.auth.agency.AgencyEvents.AgencyOnboardedEvent;
import ru.frmr.auth.agency.AgencyEvents.AgencyRevokedEvent;
import ru.frmr.contracts.auth.AgencyKind;
import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.kit.error.ConflictException;

/**
 * A supervisory agency: who it is, and whether it may subscribe. Its Kafka user and ACLs live in the broker, which
 * this aggregate changes from its command handlers ({@link SubscriberAccounts}, a handler parameter).
 *
 * <p>Why the broker is called first, inside the handler, and the event applied after it: an answer that reports
 * the broker unreachable must leave nothing stored, and the aggregate's lock serialises two administrators acting
 * on one agency. The reverse order (event, then broker, finished by a persisted retry) would record an agency, or a
 * rotation, whose password the administrator never saw. What this order can leave is the broker ahead of the
 * store (the broker confirmed, the append then failed): the answer is an error, the password was never shown, and
 * repeating the command converges, because every broker call is idempotent. A revocation whose event was lost is
 * repeated the same way; a revoked agency is final and a second revocation changes nothing.
 */
@Aggregate
class Agency {

    private static final Pattern REGION = Pattern.compile("^(0[1-9]|[1-9][0-9])$");
    static final int NAME_MAX = 200;

    @AggregateIdentifier
    private String agencyId;
    private String name;
    private AgencyKind kind;
    private String regionCode;
    private String kafkaUsername;
    private AgencyStatus status;
    private Instant onboardedAt;
    private Instant revokedAt;

    Agency() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Agency(OnboardAgencyCommand command, SubscriberAccounts broker) {
        if (!AgencyIds.isValid(command.agencyId())) {
            throw new BusinessRuleException("agencyId", "must be ag- and 12 lower-case base32 characters");
        }
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.codePointCount(0, name.length()) > NAME_MAX) {
            throw new BusinessRuleException("name", "is required, at most " + NAME_MAX + " characters");
        }
        if (command.kind() == null) {
            throw new BusinessRuleException("kind", "is required");
        }
        boolean regional = command.kind() == AgencyKind.REGIONAL_HEALTH_AUTHORITY;
        if (regional && (command.regionCode() == null || !REGION.matcher(command.regionCode()).matches())) {
            throw new BusinessRuleException("regionCode", "a regional health authority needs its region, 01..99");
        }
        if (!regional && command.regionCode() != null) {
            throw new BusinessRuleException("regionCode", "only a regional health authority has a region");
        }
        String username = AgencyIds.kafkaUsername(command.agencyId());
        broker.grant(username, command.password());
        apply(new AgencyOnboardedEvent(command.agencyId(), name, command.kind(), command.regionCode(), username,
                command.at()));
        apply(new AgencyKafkaCredentialsIssuedEvent(command.agencyId(), username, command.at()));
    }

    /** A new password replaces the old one at once; the ACLs are written again (they may have been lost). */
    @CommandHandler
    AgencyState handle(IssueKafkaCredentialsCommand command, SubscriberAccounts broker) {
        if (status == AgencyStatus.REVOKED) {
            throw new ConflictException("status", "the agency is revoked; onboard it again");
        }
        broker.grant(kafkaUsername, command.password());
        apply(new AgencyKafkaCredentialsIssuedEvent(agencyId, kafkaUsername, command.at()));
        return state();
    }

    /** Idempotent: a revoked agency stays as it is and nothing new is recorded. */
    @CommandHandler
    AgencyState handle(RevokeAgencyCommand command, SubscriberAccounts broker) {
        if (status == AgencyStatus.REVOKED) {
            return state();
        }
        broker.remove(kafkaUsername);
        apply(new AgencyRevokedEvent(agencyId, command.at()));
        return state();
    }

    @EventSourcingHandler
    void on(AgencyOnboardedEvent event) {
        agencyId = event.agencyId();
        name = event.name();
        kind = event.kind();
        regionCode = event.regionCode();
        kafkaUsername = event.kafkaUsername();
        status = AgencyStatus.ACTIVE;
        onboardedAt = event.at();
    }

    @EventSourcingHandler
    void on(AgencyRevokedEvent event) {
        status = AgencyStatus.REVOKED;
        revokedAt = event.at();
    }

    private AgencyState state() {
        return new AgencyState(agencyId, name, kind, regionCode, status, onboardedAt, revokedAt, kafkaUsername);
    }
}
