package ru.frmr.auth.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.auth.api.PlatformRole;
import ru.frmr.auth.query.AccountView;
import ru.frmr.auth.query.AuthQueries;

/**
 * The registry administrators' queue of accounts whose holders asked to be activated, oldest request first. Accounts
 * are auth-service's, so the queue is its read model too: an item leaves it when the account is activated or blocked.
 */
@RestController
@RequestMapping("/api/auth/admin/activation-requests")
class ActivationRequestController {

    private final AuthQueries queries;

    ActivationRequestController(AuthQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    Page open(Caller caller, @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        caller.requireRole(PlatformRole.REGISTRY_ADMIN);
        return new Page(queries.openActivationRequests(page, size).stream().map(Item::of).toList(), page, size,
                queries.openActivationRequestCount());
    }

    /** One page of the open requests; {@code total} counts every open one. */
    record Page(List<Item> items, int page, int size, long total) {
    }

    /**
     * An open request and where an administrator acts on it. No personal data: the administrator opens the account,
     * or the worker's record, to see who it is.
     *
     * @param workerId null when the account has no registry record (not a medical worker)
     * @param activate the request that activates the account (through the gateway)
     * @param record   the worker's record in the registry; null without a worker id
     */
    record Item(String accountId, String workerId, Instant requestedAt, Link activate, Link account, Link record) {

        static Item of(AccountView v) {
            String accountPath = "/api/auth/accounts/" + v.id();
            return new Item(v.id(), v.workerId(), v.activationRequestedAt(),
                    new Link("POST", accountPath + "/activate"), new Link("GET", accountPath),
                    v.workerId() == null ? null : new Link("GET", "/api/registry/workers/" + v.workerId()));
        }
    }

    /** An HTTP request to make through the gateway. */
    record Link(String method, String href) {
    }
}
