package ru.frmr.auth.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import ru.frmr.auth.api.AccountEmailChangedEvent;
import ru.frmr.auth.api.AccountLockedEvent;
import ru.frmr.auth.api.AccountPersonalDataErasedEvent;
import ru.frmr.auth.api.AccountProvisionedEvent;
import ru.frmr.auth.api.AccountStatus;
import ru.frmr.auth.api.AccountStatusChangedEvent;
import ru.frmr.auth.api.AccountUnlockedEvent;
import ru.frmr.auth.api.AccountWorkerLinkedEvent;
import ru.frmr.auth.api.ActivationRequestedEvent;
import ru.frmr.auth.api.ChangeAccountStatusCommand;
import ru.frmr.auth.api.CheckLoginAllowedCommand;
import ru.frmr.auth.api.CodeCheck;
import ru.frmr.auth.api.ErasePersonalDataCommand;
import ru.frmr.auth.api.LiftLockCommand;
import ru.frmr.auth.api.LinkWorkerCommand;
import ru.frmr.auth.api.LoginCheck;
import ru.frmr.auth.api.LoginFailedEvent;
import ru.frmr.auth.api.LoginSucceededEvent;
import ru.frmr.auth.api.PersonData;
import ru.frmr.auth.api.ProvisionAccountCommand;
import ru.frmr.auth.api.ReleaseSessionCommand;
import ru.frmr.auth.api.RequestActivationCommand;
import ru.frmr.auth.api.SecondFactorPassedEvent;
import ru.frmr.auth.api.SessionStart;
import ru.frmr.auth.api.SessionsReleasedEvent;
import ru.frmr.auth.api.StartSessionCommand;
import ru.frmr.auth.api.VerifyOneTimeCodeCommand;
import ru.frmr.auth.privacy.PersonalDataVault;
import ru.frmr.kit.error.BusinessRuleException;

/**
 * A person's account: status, lockout after wrong one-time codes, and the set of sessions that count
 * toward the concurrent-session limit. The lock lives in this event-sourced state, so it holds on every
 * replica and across restarts. Times come in the commands (from an injectable clock), never from here.
 * Refusals are events too ({@code LoginFailed}), so handlers answer outcomes instead of throwing: a thrown
 * exception would roll back the event that records the refusal.
 *
 * <p>Personal data are sealed here, before they become events ({@link PersonalDataVault}, a handler parameter):
 * the commands carry plain values and are never stored.
 */
@Aggregate
class Account {

    @AggregateIdentifier
    private String accountId;
    private AccountStatus status;
    private AccountStatus statusBeforeBlock;
    private String snilsKey;
    /** The registry number of the account's worker, once the registry named it. */
    private String workerId;
    /** The sealed e-mail (plain in events stored before sealing). */
    private String email;
    private final Set<String> erasures = new HashSet<>();
    private int failures;
    private Instant lockedUntil;
    private boolean activationRequested;
    private final Map<String, Instant> openSessions = new LinkedHashMap<>();

    Account() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Account(ProvisionAccountCommand command, PersonalDataVault vault) {
        PersonData person = command.person();
        if (command.esiaOid() == null || command.esiaOid().isBlank()) {
            throw new BusinessRuleException("esiaOid", "is required");
        }
        if (person == null || person.snils() == null || !person.snils().matches("\\d{11}")) {
            throw new BusinessRuleException("snils", "must be 11 digits");
        }
        if (isBlank(person.lastName()) || isBlank(person.firstName()) || person.birthDate() == null) {
            throw new BusinessRuleException("person", "needs last name, first name and birth date");
        }
        if (person.inn() != null && !person.inn().matches("\\d{12}")) {
            throw new BusinessRuleException("inn", "must be 12 digits");
        }
        if (command.status() == AccountStatus.BLOCKED) {
            throw new BusinessRuleException("status", "a new account cannot start blocked");
        }
        String subject = vault.subjectFor(person.snils());
        apply(new AccountProvisionedEvent(command.accountId(), command.esiaOid(), vault.seal(subject, person),
                null, command.status(), command.at(), subject, command.medicalWorker()));
    }

    @CommandHandler
    void handle(LinkWorkerCommand command) {
        if (command.workerId() == null || command.workerId().isBlank() || command.workerId().length() > 64) {
            throw new BusinessRuleException("workerId", "is required, at most 64 characters");
        }
        if (!command.workerId().equals(workerId)) {
            apply(new AccountWorkerLinkedEvent(accountId, command.workerId(), command.at()));
        }
    }

    @CommandHandler
    LoginCheck handle(CheckLoginAllowedCommand command) {
        return checkLogin(command.at());
    }

    @CommandHandler
    SessionStart handle(StartSessionCommand command, AccountPolicy policy, PersonalDataVault vault) {
        LoginCheck check = checkLogin(command.at());
        if (!check.isAllowed()) {
            return new SessionStart(check, List.of());
        }
        // An e-mail sealed under an erased key opens to nothing, so the one given now is recorded afresh.
        if (command.email() != null && !vault.open(snilsKey, email).filter(command.email()::equals).isPresent()) {
            apply(new AccountEmailChangedEvent(accountId, vault.seal(snilsKey, command.email()), command.at()));
        }
        List<String> expired = new ArrayList<>();
        List<String> live = new ArrayList<>();
        openSessions.forEach((id, openedAt) ->
                (openedAt.plus(policy.absoluteLifetime()).isAfter(command.at()) ? live : expired).add(id));
        // Make room for the new one: the oldest live sessions go (insertion order is opening order).
        List<String> evicted = live.subList(0, Math.max(0, live.size() - policy.maxSessions() + 1));
        List<String> released = new ArrayList<>(expired);
        released.addAll(evicted);
        if (!released.isEmpty()) {
            apply(new SessionsReleasedEvent(accountId, released, command.at()));
        }
        apply(new LoginSucceededEvent(accountId, command.sessionId(), command.method(), command.at()));
        return new SessionStart(check, evicted);
    }

    @CommandHandler
    CodeCheck handle(VerifyOneTimeCodeCommand command, AccountPolicy policy) {
        LoginCheck check = checkLogin(command.at());
        if (LoginCheck.LOCKED.equals(check.refusal())) {
            return new CodeCheck(CodeCheck.Outcome.LOCKED, 0, lockedUntil, false);
        }
        if (!check.isAllowed()) {
            return new CodeCheck(CodeCheck.Outcome.REFUSED, 0, null, false);
        }
        if (command.matched()) {
            apply(new SecondFactorPassedEvent(accountId, command.purpose(), command.at()));
            return new CodeCheck(CodeCheck.Outcome.ACCEPTED, policy.maxFailures(), null, false);
        }
        apply(new LoginFailedEvent(accountId, command.purpose().name(), command.at()));
        if (failures >= policy.maxFailures()) {
            apply(new AccountLockedEvent(accountId, command.at().plus(policy.lockDuration()), command.at()));
            return new CodeCheck(CodeCheck.Outcome.LOCKED, 0, lockedUntil, true);
        }
        return new CodeCheck(CodeCheck.Outcome.WRONG, policy.maxFailures() - failures, null, false);
    }

    @CommandHandler
    List<String> handle(ChangeAccountStatusCommand command) {
        AccountStatus target = switch (command.change()) {
            case BLOCK -> AccountStatus.BLOCKED;
            case UNBLOCK -> {
                if (status != AccountStatus.BLOCKED) {
                    throw new BusinessRuleException("status", "the account is not blocked");
                }
                yield statusBeforeBlock;
            }
            case ACTIVATE -> {
                if (status != AccountStatus.NEEDS_CONFIRMATION) {
                    throw new BusinessRuleException("status", "the account does not need confirmation");
                }
                yield AccountStatus.ACTIVE;
            }
        };
        if (target == status) {
            return List.of();
        }
        List<String> sessions = List.copyOf(openSessions.keySet());
        apply(new AccountStatusChangedEvent(accountId, target, status, command.at()));
        if (target == AccountStatus.BLOCKED && !sessions.isEmpty()) {
            apply(new SessionsReleasedEvent(accountId, sessions, command.at()));
            return sessions;
        }
        return List.of();
    }

    @CommandHandler
    void handle(RequestActivationCommand command) {
        if (status != AccountStatus.NEEDS_CONFIRMATION) {
            throw new BusinessRuleException("status", "the account does not need confirmation");
        }
        if (!activationRequested) {
            apply(new ActivationRequestedEvent(accountId, command.at()));
        }
    }

    @CommandHandler
    void handle(ErasePersonalDataCommand command) {
        if (!erasures.contains(command.erasureId())) {
            apply(new AccountPersonalDataErasedEvent(accountId, command.erasureId(), command.at()));
        }
    }

    @CommandHandler
    void handle(LiftLockCommand command) {
        if (lockedUntil != null) {
            apply(new AccountUnlockedEvent(accountId, command.at()));
        }
    }

    @CommandHandler
    void handle(ReleaseSessionCommand command) {
        if (openSessions.containsKey(command.sessionId())) {
            apply(new SessionsReleasedEvent(accountId, List.of(command.sessionId()), command.at()));
        }
    }

    /** Ends a lock whose time has run out, then says whether a login may go on; refusals are recorded. */
    private LoginCheck checkLogin(Instant at) {
        if (lockedUntil != null && !at.isBefore(lockedUntil)) {
            apply(new AccountUnlockedEvent(accountId, at));
        }
        String refusal = status == AccountStatus.BLOCKED ? LoginCheck.BLOCKED
                : lockedUntil != null ? LoginCheck.LOCKED
                : status == AccountStatus.NEEDS_CONFIRMATION ? LoginCheck.NEEDS_CONFIRMATION
                : null;
        if (refusal == null) {
            return LoginCheck.allowed();
        }
        apply(new LoginFailedEvent(accountId, refusal, at));
        return new LoginCheck(refusal, LoginCheck.LOCKED.equals(refusal) ? lockedUntil : null);
    }

    @EventSourcingHandler
    void on(AccountProvisionedEvent event) {
        accountId = event.accountId();
        status = event.status();
        email = event.person().email();
        snilsKey = event.snilsKey();
        workerId = event.workerId();
    }

    @EventSourcingHandler
    void on(AccountWorkerLinkedEvent event) {
        workerId = event.workerId();
    }

    @EventSourcingHandler
    void on(AccountPersonalDataErasedEvent event) {
        erasures.add(event.erasureId());
        email = null;
    }

    @EventSourcingHandler
    void on(LoginFailedEvent event) {
        if (!isRefusal(event.reason())) {
            failures++;
        }
    }

    @EventSourcingHandler
    void on(SecondFactorPassedEvent event) {
        failures = 0;
    }

    @EventSourcingHandler
    void on(AccountLockedEvent event) {
        lockedUntil = event.lockedUntil();
    }

    @EventSourcingHandler
    void on(AccountUnlockedEvent event) {
        lockedUntil = null;
        failures = 0;
    }

    @EventSourcingHandler
    void on(AccountStatusChangedEvent event) {
        if (event.status() == AccountStatus.BLOCKED) {
            statusBeforeBlock = event.previousStatus();
        }
        status = event.status();
        activationRequested = activationRequested && status == AccountStatus.NEEDS_CONFIRMATION;
    }

    @EventSourcingHandler
    void on(ActivationRequestedEvent event) {
        activationRequested = true;
    }

    @EventSourcingHandler
    void on(AccountEmailChangedEvent event) {
        email = event.email();
    }

    @EventSourcingHandler
    void on(LoginSucceededEvent event) {
        openSessions.put(event.sessionId(), event.at());
    }

    @EventSourcingHandler
    void on(SessionsReleasedEvent event) {
        event.sessionIds().forEach(openSessions::remove);
    }

    private static boolean isRefusal(String reason) {
        return Objects.equals(reason, LoginCheck.LOCKED) || Objects.equals(reason, LoginCheck.BLOCKED)
                || Objects.equals(reason, LoginCheck.NEEDS_CONFIRMATION);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
