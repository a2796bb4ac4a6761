package ru.frmr.registry.web;

import java.time.Instant;

import ru.frmr.registry.query.ActivationRequestView;

/**
 * An open activation request and where an administrator acts on it. No personal data: the administrator opens the
 * account, or the worker's record, to see who it is.
 *
 * @param workerId null when the account has no record here (not a medical worker, or not yet provisioned)
 * @param activate auth-service's endpoint that activates the account ({@code REGISTRY_ADMIN})
 * @param account  auth-service's view of the account: status, lock, last login
 * @param record   the worker's record in the registry; null without a worker id
 */
public record ActivationRequestResponse(String requestId, String accountId, String workerId, Instant requestedAt,
                                        Link activate, Link account, Link record) {

    static ActivationRequestResponse of(ActivationRequestView request, String workerId) {
        String accountPath = "/api/auth/accounts/" + request.accountId();
        return new ActivationRequestResponse(request.id(), request.accountId(), workerId, request.requestedAt(),
                new Link("POST", accountPath + "/activate"), new Link("GET", accountPath),
                workerId == null ? null : new Link("GET", "/api/registry/workers/" + workerId));
    }

    /** An HTTP request to make through the gateway. */
    public record Link(String method, String href) {
    }
}
