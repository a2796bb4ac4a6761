package ru.frmr.auth.command;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Service;

import ru.frmr.auth.api.AccountStatus;
import ru.frmr.auth.api.ChangeAccountStatusCommand;
import ru.frmr.auth.api.CheckLoginAllowedCommand;
import ru.frmr.auth.api.CodeCheck;
import ru.frmr.auth.api.CodePurpose;
import ru.frmr.auth.api.ConfirmContactChangeCommand;
import ru.frmr.auth.api.ContactConfirmation;
import ru.frmr.auth.api.ContactReport;
import ru.frmr.auth.api.ErasePersonalDataCommand;
import ru.frmr.auth.api.LiftLockCommand;
import ru.frmr.auth.api.LinkWorkerCommand;
import ru.frmr.auth.api.LoginCheck;
import ru.frmr.auth.api.PersonData;
import ru.frmr.auth.api.ProvisionAccountCommand;
import ru.frmr.auth.api.ReportContactsCommand;
import ru.frmr.auth.api.RequestActivationCommand;
import ru.frmr.auth.api.VerifyOneTimeCodeCommand;
import ru.frmr.auth.identity.IdentifiedPerson;
import ru.frmr.kit.error.NotFoundException;

/** Entry points of the account's command side. Times come from the injected clock. */
@Service
public class Accounts {

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final Clock clock;
    private final AddressHashes addresses;

    public Accounts(CommandGateway commands, EventStore eventStore, Clock clock, AddressHashes addresses) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.clock = clock;
        this.addresses = addresses;
    }

    /**
     * The account id of a provider's subject: a name-based UUID of {@code provider:subject} (for ESIA
     * {@code esia:<oid>}), so every replica derives the same id and the event store's unique index lets only
     * one first login create the account.
     */
    public static String idFor(String provider, String subject) {
        return UUID.nameUUIDFromBytes((provider + ":" + subject).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * @param medicalWorker the person logs in as a medical worker: the registry will keep a record of them
     * @return true when this call created the account
     */
    public boolean provisionIfAbsent(String accountId, IdentifiedPerson person, boolean medicalWorker) {
        if (exists(accountId)) {
            return false;
        }
        PersonData data = new PersonData(person.lastName(), person.firstName(), person.middleName(),
                person.birthDate(), person.gender(), person.snils(), person.email(), person.mobile(), person.inn(),
                person.citizenship(), person.identityDocument());
        AccountStatus status = person.trusted() ? AccountStatus.ACTIVE : AccountStatus.NEEDS_CONFIRMATION;
        try {
            commands.sendAndWait(new ProvisionAccountCommand(accountId, person.subject(), data, medicalWorker, status,
                    clock.instant()));
            return true;
        } catch (AggregateStreamCreationException | ConcurrencyException raced) {
            // A simultaneous first login of the same person created it: that is the account.
            return false;
        }
    }

    /** Records the registry number the registry announced for the account's worker; idempotent. */
    public void linkWorker(String accountId, String workerId) {
        commands.sendAndWait(new LinkWorkerCommand(accountId, workerId, clock.instant()));
    }

    /** @param clientAddress as the web layer reads it; only its keyed hash reaches the account */
    public LoginCheck checkLoginAllowed(String accountId, String clientAddress) {
        return commands.sendAndWait(new CheckLoginAllowedCommand(accountId, clock.instant(),
                addresses.of(clientAddress)));
    }

    /** Tells the account the contacts the identity provider reports at this login. */
    public ContactReport reportContacts(String accountId, String email, String mobile) {
        return commands.sendAndWait(new ReportContactsCommand(accountId, UUID.randomUUID().toString(), email, mobile,
                clock.instant()));
    }

    /**
     * @param changeId the change the confirming code was mailed for; null for an administrator's confirmation
     */
    public void confirmContactChange(String accountId, String changeId, ContactConfirmation by) {
        requireExisting(accountId);
        commands.sendAndWait(new ConfirmContactChangeCommand(accountId, changeId, by, clock.instant()));
    }

    /** @param clientAddress as the web layer reads it; only its keyed hash reaches the account */
    public CodeCheck verifyCode(String accountId, boolean matched, CodePurpose purpose, String clientAddress) {
        return commands.sendAndWait(new VerifyOneTimeCodeCommand(accountId, matched, purpose, clock.instant(),
                addresses.of(clientAddress)));
    }

    /** @return the sessions to end (when blocking) */
    public List<String> changeStatus(String accountId, ChangeAccountStatusCommand.StatusChange change) {
        requireExisting(accountId);
        return commands.sendAndWait(new ChangeAccountStatusCommand(accountId, change, clock.instant()));
    }

    public void requestActivation(String accountId) {
        requireExisting(accountId);
        commands.sendAndWait(new RequestActivationCommand(accountId, clock.instant()));
    }

    public void liftLock(String accountId) {
        requireExisting(accountId);
        commands.sendAndWait(new LiftLockCommand(accountId, clock.instant()));
    }

    /**
     * Records that the account's personal data were erased (the person's key is already shredded).
     *
     * @param erasureId the id of the message that ordered it; recording it again changes nothing
     */
    public void recordErasure(String accountId, String erasureId) {
        commands.sendAndWait(new ErasePersonalDataCommand(accountId, erasureId, clock.instant()));
    }

    private void requireExisting(String accountId) {
        if (!exists(accountId)) {
            throw new NotFoundException("No account with this id.");
        }
    }

    private boolean exists(String accountId) {
        return eventStore.lastSequenceNumberFor(accountId).isPresent();
    }
}
