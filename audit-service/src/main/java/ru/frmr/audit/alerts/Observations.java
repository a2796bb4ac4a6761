package ru.frmr.audit.alerts;

import java.util.List;

import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.access.PersonalDataAccessed;
import ru.frmr.contracts.audit.AlertRule;
import ru.frmr.contracts.auth.LoginFailed;
import ru.frmr.contracts.registry.PersonalDataErased;
import ru.frmr.kit.consumer.ReceivedEvent;

/**
 * Which rules an event counts for. Failed logins count per account ({@code LoginFailed} names no client address,
 * so the per-address rule has nothing to count until it does); reads count per actor and distinct person;
 * erasures count platform-wide.
 */
final class Observations {

    static final String PLATFORM = "platform";

    private Observations() {
    }

    static List<Observation> of(ReceivedEvent event) {
        return switch (event.type()) {
            case EventTypes.LOGIN_FAILED -> {
                LoginFailed failed = event.payload(LoginFailed.class);
                yield List.of(new Observation(AlertRule.FAILED_LOGINS_PER_ACCOUNT, failed.accountId(), event.id(),
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
