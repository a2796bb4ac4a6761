package ru.frmr.kit.security;

import ru.frmr.kit.axon.ActorResolver;

/**
 * The actor is the account named by the request's access token ({@code account:<sub>}), so commands,
 * events and the audit ledger record who acted. Work not started by a request (Kafka consumers,
 * deadlines) runs without one and stays {@link ActorResolver#ANONYMOUS}.
 */
public class SecurityContextActorResolver implements ActorResolver {

    public static final String ACCOUNT_PREFIX = "account:";

    @Override
    public String currentActor() {
        return CurrentUser.current().map(user -> ACCOUNT_PREFIX + user.accountId()).orElse(ANONYMOUS);
    }
}
