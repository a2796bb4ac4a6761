package ru.frmr.auth.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

import ru.frmr.auth.api.AccountEmailChangedEvent;
import ru.frmr.auth.api.AccountLockedEvent;
import ru.frmr.auth.api.AccountPersonalDataErasedEvent;
import ru.frmr.auth.api.AccountProvisionedEvent;
import ru.frmr.auth.api.AccountSessionsEndedEvent;
import ru.frmr.auth.api.AccountStatus;
import ru.frmr.auth.api.AccountStatusChangedEvent;
import ru.frmr.auth.api.AccountUnlockedEvent;
import ru.frmr.auth.api.AccountWorkerLinkedEvent;
import ru.frmr.auth.api.ActivationRequestedEvent;
import ru.frmr.auth.api.ChangeAccountStatusCommand;
import ru.frmr.auth.api.CheckLoginAllowedCommand;
import ru.frmr.auth.api.CodeCheck;
import ru.frmr.auth.api.ConfirmContactChangeCommand;
import ru.frmr.auth.api.ContactChangeConfirmedEvent;
import ru.frmr.auth.api.ContactChangeRequestedEvent;
import ru.frmr.auth.api.ContactConfirmation;
import ru.frmr.auth.api.ContactReport;
import ru.frmr.auth.api.EndAccountSessionsCommand;
import ru.frmr.auth.api.ErasePersonalDataCommand;
import ru.frmr.auth.api.LiftLockCommand;
import ru.frmr.auth.api.LinkWorkerCommand;
import ru.frmr.auth.api.LoginCheck;
import ru.frmr.auth.api.LoginFailedEvent;
import ru.frmr.auth.api.LoginSucceededEvent;
import ru.frmr.auth.api.PersonData;
import ru.frmr.auth.api.ProvisionAccountCommand;
import ru.frmr.auth.api.ReportContactsCommand;
import ru.frmr.auth.api.RequestActivationCommand;
import ru.frmr.auth.api.SecondFactorPassedEvent;
import ru.frmr.auth.api.SessionEndReason;
import ru.frmr.auth.api.SessionsReleasedEvent;
import ru.frmr.auth.api.StartSessionCommand;
import ru.frmr.auth.api.VerifyOneTimeCodeCommand;
import ru.frmr.auth.privacy.PersonalDataVault;
import ru.frmr.kit.error.BusinessRuleException;

/**
 * A person's account: status, lockout after wrong one-time codes, the sessions it counts toward the concurrent-session
 * limit, and the devices it logged in from ({@link KnownDevices}). The account alone decides which of its sessions end
 * (limit, block, the person's own choice, the sweeper's timeouts) and records it; the {@code SessionEnding} processor
 * carries that to each {@code Session}, and nothing comes back. The one end a session decides itself, on a reused
 * refresh token, keeps its place in the count until it is evicted as the oldest or passes its lifetime: the limit may
 * then allow one session fewer for a while, never one more. The lock lives in this event-sourced state, so it holds on
 * every replica and across restarts. Times come in the commands (from an injectable clock), never from here. Refusals
 * are events too ({@code LoginFailed}), so handlers answer outcomes instead of throwing: a thrown exception would roll
 * back the event that records the refusal.
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
    /** The sealed e-mail one-time codes go to (plain in events stored before sealing). */
    private String email;
    /** The sealed mobile number. */
    private String mobile;
    /** A new e-mail or mobile number waiting for confirmation, or null. */
    private PendingContacts pendingContacts;
    private final Set<String> erasures = new HashSet<>();
    private int failures;
    private Instant lockedUntil;
    private boolean activationRequested;
    private final Map<String, Instant> openSessions = new LinkedHashMap<>();
    @AggregateMember
    private final KnownDevices devices = new KnownDevices();

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
        return checkLogin(command.at(), command.addressHash());
    }

    @CommandHandler
    LoginCheck handle(StartSessionCommand command, AccountPolicy policy) {
        LoginCheck check = checkLogin(command.at(), command.addressHash());
        if (!check.isAllowed()) {
            return check;
        }
        List<String> expired = new ArrayList<>();
        List<String> live = new ArrayList<>();
        openSessions.forEach((id, openedAt) ->
                (openedAt.plus(policy.absoluteLifetime()).isAfter(command.at()) ? live : expired).add(id));
        // Make room for the new one: the oldest live sessions go (insertion order is opening order).
        List<String> evicted = live.subList(0, Math.max(0, live.size() - policy.maxSessions() + 1));
        endSessions(expired, SessionEndReason.ABSOLUTE_TIMEOUT, command.at());
        endSessions(List.copyOf(evicted), SessionEndReason.SESSION_LIMIT, command.at());
        apply(new LoginSucceededEvent(accountId, command.sessionId(), command.method(), command.at(),
                command.device(), devices.isNew(command.device())));
        return check;
    }

    /**
     * The person ends a session of theirs, or all but the current one; the sweeper ends one past its time. Only
     * sessions this account counts end here, so nobody ends another account's session by naming it.
     */
    @CommandHandler
    List<String> handle(EndAccountSessionsCommand command) {
        List<String> ending = switch (command.which()) {
            case THIS -> openSessions.containsKey(command.sessionId()) ? List.of(command.sessionId()) : List.of();
            case ALL_BUT_THIS -> openSessions.keySet().stream().filter(id -> !id.equals(command.sessionId())).toList();
        };
        endSessions(ending, command.reason(), command.at());
        return ending;
    }

    /**
     * Codes go to the address the account holds, never straight to one the provider reports now: whoever took over
     * the person's ESIA account could otherwise have the codes sent to themselves. A reported value of a kind the
     * account holds none of (never given, or erased) is recorded at once, as at provisioning; one that differs from a
     * held value waits until confirmed through the held e-mail or by an administrator.
     */
    @CommandHandler
    ContactReport handle(ReportContactsCommand command, PersonalDataVault vault) {
        String heldEmail = vault.open(snilsKey, email).orElse(null);
        String heldMobile = vault.open(snilsKey, mobile).orElse(null);
        String adoptEmail = heldEmail == null ? command.email() : null;
        String adoptMobile = heldMobile == null ? command.mobile() : null;
        String newEmail = differs(command.email(), heldEmail) ? command.email() : null;
        String newMobile = differs(command.mobile(), heldMobile) ? command.mobile() : null;
        if (adoptEmail != null || adoptMobile != null) {
            apply(new ContactChangeConfirmedEvent(accountId, null, ContactConfirmation.NONE_HELD,
                    vault.seal(snilsKey, adoptEmail), vault.seal(snilsKey, adoptMobile), command.at(), snilsKey));
        }
        String codeEmail = heldEmail != null ? heldEmail : adoptEmail;
        if (newEmail == null && newMobile == null) {
            // Nothing new reported now: a change that still waits is not announced again at this login.
            return new ContactReport(codeEmail, null);
        }
        if (pendingContacts != null
                && pendingContacts.sameAs(newEmail, newMobile, value -> vault.open(snilsKey, value))) {
            return new ContactReport(codeEmail, pendingContacts.changeId());
        }
        apply(new ContactChangeRequestedEvent(accountId, command.changeId(), vault.seal(snilsKey, newEmail),
                vault.seal(snilsKey, newMobile), command.at()));
        return new ContactReport(codeEmail, command.changeId());
    }

    @CommandHandler
    void handle(ConfirmContactChangeCommand command) {
        if (pendingContacts == null
                || command.changeId() != null && !command.changeId().equals(pendingContacts.changeId())) {
            throw new BusinessRuleException("changeId", "no such contact change waits for confirmation");
        }
        if (command.by() == ContactConfirmation.NONE_HELD) {
            throw new BusinessRuleException("by", "a waiting change is confirmed by the previous e-mail or an "
                    + "administrator");
        }
        apply(new ContactChangeConfirmedEvent(accountId, pendingContacts.changeId(), command.by(),
                pendingContacts.email(), pendingContacts.mobile(), command.at(), snilsKey));
    }

    @CommandHandler
    CodeCheck handle(VerifyOneTimeCodeCommand command, AccountPolicy policy) {
        LoginCheck check = checkLogin(command.at(), command.addressHash());
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
        apply(new LoginFailedEvent(accountId, command.purpose().name(), command.at(), command.addressHash()));
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
        if (target == AccountStatus.BLOCKED) {
            endSessions(sessions, SessionEndReason.ACCOUNT_BLOCKED, command.at());
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

    /** Records which sessions end; the {@code SessionEnding} processor ends them. */
    private void endSessions(List<String> sessionIds, SessionEndReason reason, Instant at) {
        if (!sessionIds.isEmpty()) {
            apply(new AccountSessionsEndedEvent(accountId, sessionIds, reason, at));
        }
    }

    /**
     * Ends a lock whose time has run out, then says whether a login may go on; refusals are recorded, with the
     * hashed address they came from.
     */
    private LoginCheck checkLogin(Instant at, String addressHash) {
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
        apply(new LoginFailedEvent(accountId, refusal, at, addressHash));
        return new LoginCheck(refusal, LoginCheck.LOCKED.equals(refusal) ? lockedUntil : null);
    }

    @EventSourcingHandler
    void on(AccountProvisionedEvent event) {
        accountId = event.accountId();
        status = event.status();
        email = event.person().email();
        mobile = event.person().mobile();
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
        mobile = null;
        pendingContacts = null;
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
    void on(ContactChangeRequestedEvent event) {
        pendingContacts = new PendingContacts(event.changeId(), event.email(), event.mobile());
    }

    @EventSourcingHandler
    void on(ContactChangeConfirmedEvent event) {
        if (event.email() != null) {
            email = event.email();
        }
        if (event.mobile() != null) {
            mobile = event.mobile();
        }
        if (event.changeId() != null) {
            pendingContacts = null;
        }
    }

    @EventSourcingHandler
    void on(LoginSucceededEvent event) {
        openSessions.put(event.sessionId(), event.at());
    }

    @EventSourcingHandler
    void on(AccountSessionsEndedEvent event) {
        event.sessionIds().forEach(openSessions::remove);
    }

    @EventSourcingHandler
    void on(SessionsReleasedEvent event) {
        event.sessionIds().forEach(openSessions::remove);
    }

    private static boolean isRefusal(String reason) {
        return Objects.equals(reason, LoginCheck.LOCKED) || Objects.equals(reason, LoginCheck.BLOCKED)
                || Objects.equals(reason, LoginCheck.NEEDS_CONFIRMATION);
    }

    private static boolean differs(String reported, String held) {
        return reported != null && held != null && !reported.equals(held);
    }

    /** A contact change waiting for confirmation; the values are sealed, null for a kind that did not change. */
    private record PendingContacts(String changeId, String email, String mobile) {

        boolean sameAs(String newEmail, String newMobile, Function<String, Optional<String>> open) {
            return Objects.equals(open.apply(email).orElse(null), newEmail)
                    && Objects.equals(open.apply(mobile).orElse(null), newMobile);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
