package ru.frmr.auth.it;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;

import ru.frmr.auth.command.Accounts;

/** {@link ProvisioningRaceContract} on the in-process broker and Mongo wire server of this JVM. */
class ProvisioningRaceIT extends AuthIntegrationTest implements ProvisioningRaceContract {

    @Autowired
    Accounts accounts;

    @Autowired
    EventStore eventStore;

    @Override
    public Accounts accounts() {
        return accounts;
    }

    @Override
    public EventStore eventStore() {
        return eventStore;
    }
}
