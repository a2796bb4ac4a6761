package ru.frmr.auth.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.auth.api.AccountStatus;
import ru.frmr.auth.api.ChangeAccountStatusCommand.StatusChange;
import ru.frmr.auth.api.PlatformRole;
import ru.frmr.auth.command.Accounts;
import ru.frmr.auth.query.AccountView;
import ru.frmr.auth.query.AuthQueries;
import ru.frmr.auth.secondfactor.ContactChanges;
import ru.frmr.auth.session.Sessions;
import ru.frmr.kit.error.NotFoundException;

/**
 * A registry administrator's handling of accounts: look up, block, unblock, activate, lift a lock, confirm new
 * contacts.
 */
@RestController
@RequestMapping("/api/auth/accounts")
class AccountAdminController {

    private static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    private static final String UUID_MESSAGE = "must be an account id";

    private final Accounts accounts;
    private final Sessions sessions;
    private final AuthQueries queries;
    private final ContactChanges contactChanges;

    AccountAdminController(Accounts accounts, Sessions sessions, AuthQueries queries, ContactChanges contactChanges) {
        this.accounts = accounts;
        this.contactChanges = contactChanges;
        this.sessions = sessions;
        this.queries = queries;
    }

    /** The account of an ESIA person, found through the read model's unique oid index. */
    @GetMapping(params = "esiaOid")
    AccountResponse byEsiaOid(Caller caller,
                              @RequestParam @Pattern(regexp = "^\\d{1,20}$", message = "must be an ESIA oid")
                              String esiaOid) {
        caller.requireRole(PlatformRole.REGISTRY_ADMIN);
        return queries.accountByEsiaOid(esiaOid).map(AccountResponse::of)
                .orElseThrow(() -> new NotFoundException("No account for this ESIA person."));
    }

    /**
     * The accounts linked to a registry record (none before the worker's first login): the portal offers blocking
     * on the worker's page, where it knows the registry number, not the account.
     */
    @GetMapping(params = "workerId")
    List<AccountResponse> byWorker(Caller caller,
                                   @RequestParam @Pattern(regexp = UUID, message = "must be a worker id")
                                   String workerId) {
        caller.requireRole(PlatformRole.REGISTRY_ADMIN);
        return queries.accountsOfWorker(workerId).stream().map(AccountResponse::of).toList();
    }

    @GetMapping("/{id}")
    AccountResponse get(Caller caller, @PathVariable @Pattern(regexp = UUID, message = UUID_MESSAGE) String id) {
        caller.requireRole(PlatformRole.REGISTRY_ADMIN);
        return queries.account(id).map(AccountResponse::of)
                .orElseThrow(() -> new NotFoundException("No account with this id."));
    }

    @PostMapping("/{id}/block")
    ResponseEntity<Void> block(Caller caller, @PathVariable @Pattern(regexp = UUID, message = UUID_MESSAGE) String id) {
        caller.requireRole(PlatformRole.REGISTRY_ADMIN);
        sessions.awaitEnded(accounts.changeStatus(id, StatusChange.BLOCK));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/unblock")
    ResponseEntity<Void> unblock(Caller caller,
                                 @PathVariable @Pattern(regexp = UUID, message = UUID_MESSAGE) String id) {
        caller.requireRole(PlatformRole.REGISTRY_ADMIN);
        accounts.changeStatus(id, StatusChange.UNBLOCK);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/activate")
    ResponseEntity<Void> activate(Caller caller,
                                  @PathVariable @Pattern(regexp = UUID, message = UUID_MESSAGE) String id) {
        caller.requireRole(PlatformRole.REGISTRY_ADMIN);
        accounts.changeStatus(id, StatusChange.ACTIVATE);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/unlock")
    ResponseEntity<Void> unlock(Caller caller, @PathVariable @Pattern(regexp = UUID, message = UUID_MESSAGE) String id) {
        caller.requireRole(PlatformRole.REGISTRY_ADMIN);
        accounts.liftLock(id);
        return ResponseEntity.noContent().build();
    }

    /** Vouches for the contacts the identity provider reported, which wait for confirmation. */
    @PostMapping("/{id}/contact-change/confirm")
    ResponseEntity<Void> confirmContactChange(Caller caller,
                                              @PathVariable @Pattern(regexp = UUID, message = UUID_MESSAGE) String id) {
        caller.requireRole(PlatformRole.REGISTRY_ADMIN);
        contactChanges.confirmByAdministrator(id);
        return ResponseEntity.noContent().build();
    }

    /**
     * No personal data: the administrator sees the account's state, not the person's record.
     *
     * @param personalDataErasedAt when the person's personal data were erased (crypto-shredded), or null
     * @param contactChangeRequestedAt when the identity provider reported contacts that wait for confirmation, or
     *                                 null
     */
    record AccountResponse(String id, AccountStatus status, Instant lockedUntil, String workerId,
                           Instant provisionedAt, Instant lastLoginAt, Instant activationRequestedAt,
                           Instant personalDataErasedAt, Instant contactChangeRequestedAt) {

        static AccountResponse of(AccountView v) {
            return new AccountResponse(v.id(), v.status(), v.lockedUntil(), v.workerId(), v.provisionedAt(),
                    v.lastLoginAt(), v.activationRequestedAt(), v.personalDataErasedAt(),
                    v.contactChangeRequestedAt());
        }
    }
}
