package ru.frmr.employer.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import ru.frmr.employer.api.CorrectMedicalOrganizationCommand;
import ru.frmr.employer.api.CorrectionResult;
import ru.frmr.employer.api.GrantHrRightCommand;
import ru.frmr.employer.api.HrRightGrantedEvent;
import ru.frmr.employer.api.HrRightRevokedEvent;
import ru.frmr.employer.api.MedicalOrganizationCorrectedEvent;
import ru.frmr.employer.api.MedicalOrganizationRegisteredEvent;
import ru.frmr.employer.api.OrganizationDetails;
import ru.frmr.employer.api.RegisterMedicalOrganizationCommand;
import ru.frmr.employer.api.RevokeHrRightCommand;
import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.kit.error.ConflictException;

/**
 * A medical organisation: its card (kept by registry administrators, versioned so a correction made on a stale card
 * is refused) and who its chief has given the HR right. The ОГРН's uniqueness across organisations is not the
 * aggregate's to decide: {@link OrganizationRegistry} claims it first. Granting a right that is held, or revoking one
 * that is not, records nothing, so a repeated request is harmless.
 */
@Aggregate
class MedicalOrganization {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @AggregateIdentifier
    private String organizationId;
    private OrganizationDetails details;
    private long version;
    private long rightsVersion;
    private final Set<String> hrAccounts = new HashSet<>();

    MedicalOrganization() {
    }

    @CommandHandler
    MedicalOrganization(RegisterMedicalOrganizationCommand command) {
        if (command.organizationId() == null || !ID.matcher(command.organizationId()).matches()) {
            throw new BusinessRuleException("organizationId", "must be 1 to 64 letters, digits, '-' or '_'");
        }
        OrganizationDetails card = OrganizationRules.normalized(command.details());
        OrganizationRules.check(card);
        apply(new MedicalOrganizationRegisteredEvent(command.organizationId(), card, 1, command.registeredBy(),
                command.at()));
    }

    @CommandHandler
    CorrectionResult handle(CorrectMedicalOrganizationCommand command) {
        if (command.expectedVersion() != version) {
            throw new ConflictException("version", "the card was changed meanwhile (now version " + version
                    + "); reload it and correct again");
        }
        OrganizationDetails card = OrganizationRules.normalized(command.details());
        OrganizationRules.check(card);
        String previousOgrn = details.ogrn();
        if (!card.equals(details)) {
            apply(new MedicalOrganizationCorrectedEvent(organizationId, card, version + 1, command.correctedBy(),
                    command.at()));
        }
        return new CorrectionResult(version, previousOgrn);
    }

    @CommandHandler
    void handle(GrantHrRightCommand command) {
        requireAccount(command.accountId());
        if (hrAccounts.contains(command.accountId())) {
            return;
        }
        apply(new HrRightGrantedEvent(organizationId, command.accountId(), rightsVersion + 1, command.grantedBy(),
                command.at()));
    }

    @CommandHandler
    void handle(RevokeHrRightCommand command) {
        requireAccount(command.accountId());
        if (!hrAccounts.contains(command.accountId())) {
            return;
        }
        apply(new HrRightRevokedEvent(organizationId, command.accountId(), rightsVersion + 1, command.revokedBy(),
                command.at()));
    }

    private static void requireAccount(String accountId) {
        if (accountId == null || !ID.matcher(accountId).matches()) {
            throw new BusinessRuleException("accountId", "must be 1 to 64 letters, digits, '-' or '_'");
        }
    }

    @EventSourcingHandler
    void on(MedicalOrganizationRegisteredEvent e) {
        organizationId = e.organizationId();
        details = e.details();
        version = e.version();
    }

    @EventSourcingHandler
    void on(MedicalOrganizationCorrectedEvent e) {
        details = e.details();
        version = e.version();
    }

    @EventSourcingHandler
    void on(HrRightGrantedEvent e) {
        hrAccounts.add(e.accountId());
        rightsVersion = e.rightsVersion();
    }

    @EventSourcingHandler
    void on(HrRightRevokedEvent e) {
        hrAccounts.remove(e.accountId());
        rightsVersion = e.rightsVersion();
    }
}
