package ru.frmr.audit.alerts;

import java.util.List;

import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.access.PersonalDataAccessed;
import ru.frmr.contracts.audit.AlertRule;
import ru.frmr.contracts.auth.LoginFailed;
import ru.frmr.contracts.registry.PersonalDataErased;
import ru.frmr.kit.consumer.ReceivedEvent;

/**
 * Which rules an event counts for. Failed logins count per account and per client address: the address as the
 * keyed hash auth-service put in {@code LoginFailed} (the alert's subject is that hash; no address ever reaches
 * this service), and a failure without one (recorded before auth-service hashed addresses) counts per account only.
 * Reads count per actor and distinct person; erasures count platform-wide.
 */
final class Observations {

    static final String PLATFORM = "platform";

    private Observations() {
    }

    static List<Observation> of(ReceivedEvent event) {
        return switch (event.type()) {
            case EventTypes.LOGIN_FAILED -> {
                LoginFailed failed = event.payload(LoginFailed.class);
                Observation perAccount = new Observation(AlertRule.FAILED_LOGINS_PER_ACCOUNT, failed.accountId(),
                        event.id(), failed.at());
                yield failed.addressHash() == null ? List.of(perAccount) : List.of(perAccount,
                        new Observation(AlertRule.FAILED_LOGINS_PER_ADDRESS, failed.addressHash(), event.id(),
                                failed.at()));
            }
            case EventTypes.PERSONAL_DATA_ACCESSED -> {
                PersonalDataAccessed access = event.payload(PersonalDataAccessed.class);
                String actor = access.actor().accountId() != null ? access.actor().accountId()
                        : access.actor().clientId();
                yield List.of(new Observation(AlertRule.MASS_RECORD_READS, actor, access.workerId(),
                        access.occurredAt()));
            }
            case EventTypes.PERSONAL_DATA_ERASED -> {
                PersonalDataErased erased = event.payload(PersonalDataErased.class);
                yield List.of(new Observation(AlertRule.MASS_ERASURES, PLATFORM, event.id(), erased.erasedAt()));
            }
            default -> List.of();
        };
    }
}
