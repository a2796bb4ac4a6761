package ru.frmr.auth.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.frmr.auth.api.AccountEmailChangedEvent;
import ru.frmr.auth.api.AccountLockedEvent;
import ru.frmr.auth.api.AccountPersonalDataErasedEvent;
import ru.frmr.auth.api.AccountProvisionedEvent;
import ru.frmr.auth.api.AccountStatus;
import ru.frmr.auth.api.AccountStatusChangedEvent;
import ru.frmr.auth.api.AccountUnlockedEvent;
import ru.frmr.auth.api.AccountWorkerLinkedEvent;
import ru.frmr.auth.api.ActivationRequestedEvent;
import ru.frmr.auth.api.ContactChangeConfirmedEvent;
import ru.frmr.auth.api.ContactChangeRequestedEvent;
import ru.frmr.auth.api.LoginSucceededEvent;

/** Keeps {@link AccountView} up to date. The e-mail is stored as the event holds it: sealed. */
@Component
@ProcessingGroup("account-view")
class AccountProjection {

    private final MongoTemplate mongo;

    AccountProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(AccountProvisionedEvent event, @SequenceNumber long sequence) {
        apply(event.accountId(), sequence, new Update()
                .set("esiaOid", event.esiaOid())
                .set("snilsKey", event.snilsKey())
                .set("workerId", event.workerId())
                .set("status", event.status())
                .set("email", event.person().email())
                .set("provisionedAt", event.at()));
    }

    @EventHandler
    void on(AccountWorkerLinkedEvent event, @SequenceNumber long sequence) {
        apply(event.accountId(), sequence, new Update().set("workerId", event.workerId()));
    }

    @EventHandler
    void on(AccountStatusChangedEvent event, @SequenceNumber long sequence) {
        Update update = new Update().set("status", event.status());
        if (event.status() != AccountStatus.NEEDS_CONFIRMATION) {
            // Activated or blocked: an administrator has decided, so the request leaves the queue. Unblocking back to
            // "needs confirmation" does not bring it back; the person asks again.
            update.unset("activationRequestedAt");
        }
        apply(event.accountId(), sequence, update);
    }

    @EventHandler
    void on(AccountLockedEvent event, @SequenceNumber long sequence) {
        apply(event.accountId(), sequence, new Update().set("lockedUntil", event.lockedUntil()));
    }

    @EventHandler
    void on(AccountUnlockedEvent event, @SequenceNumber long sequence) {
        apply(event.accountId(), sequence, new Update().unset("lockedUntil"));
    }

    @EventHandler
    void on(ActivationRequestedEvent event, @SequenceNumber long sequence) {
        apply(event.accountId(), sequence, new Update().set("activationRequestedAt", event.at()));
    }

    @EventHandler
    void on(AccountEmailChangedEvent event, @SequenceNumber long sequence) {
        apply(event.accountId(), sequence, new Update().set("email", event.email()));
    }

    @EventHandler
    void on(ContactChangeRequestedEvent event, @SequenceNumber long sequence) {
        apply(event.accountId(), sequence, new Update().set("pendingContactChangeId", event.changeId())
                .set("contactChangeRequestedAt", event.at()));
    }

    @EventHandler
    void on(ContactChangeConfirmedEvent event, @SequenceNumber long sequence) {
        Update update = new Update();
        if (event.email() != null) {
            update.set("email", event.email());
        }
        if (event.changeId() != null) {
            update.unset("pendingContactChangeId").unset("contactChangeRequestedAt");
        }
        apply(event.accountId(), sequence, update);
    }

    @EventHandler
    void on(AccountPersonalDataErasedEvent event, @SequenceNumber long sequence) {
        // The sealed e-mail can no longer be opened: drop it, so no reader mistakes it for an address.
        apply(event.accountId(), sequence, new Update().unset("email").unset("pendingContactChangeId")
                .unset("contactChangeRequestedAt").set("personalDataErasedAt", event.at()));
    }

    @EventHandler
    void on(LoginSucceededEvent event, @SequenceNumber long sequence) {
        apply(event.accountId(), sequence, new Update().set("lastLoginAt", event.at()));
    }

    private void apply(String id, long sequence, Update update) {
        Projections.applyIfNewer(mongo, AccountView.class, id, sequence, update);
    }
}
